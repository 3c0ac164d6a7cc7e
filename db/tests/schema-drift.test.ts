import { getTableColumns, is } from 'drizzle-orm';
import {
  getTableConfig,
  getViewConfig,
  isPgView,
  type PgColumn,
  PgTable,
  type PgView,
} from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import * as schema from '../schema/index.ts';
import type { SqlClient } from '../sql-client.ts';

// The migrations are the truth; db/schema is a hand-written mirror of them that queries
// and row types are built on. Each check renders both sides as sorted lines such as
// `public.todos.title text not null` and reports the lines only one side has.

const schemaExports: unknown[] = Object.values(schema);
const tables = schemaExports.filter((value): value is PgTable => is(value, PgTable));
const views = schemaExports.filter((value): value is PgView => isPgView(value));

/** Schemas whose relations the drizzle schema mirrors (pam_meta is the migration runner's). */
const mirroredSchemas = ['public', 'auth'];

function qualified(name: string, schemaName: string | undefined) {
  return `${schemaName ?? 'public'}.${name}`;
}

function tableName(table: PgTable) {
  const config = getTableConfig(table);
  return qualified(config.name, config.schema);
}

/** Drizzle's spelling of a type in Postgres's own (format_type) spelling. */
function canonicalType(sqlType: string) {
  return sqlType
    .replace(/^varchar/, 'character varying')
    .replace(/\s+\(/g, '(')
    .replace(/,\s+/g, ',');
}

function columnLine(relation: string, column: PgColumn, kind: 'table' | 'view') {
  const type = canonicalType(column.getSQLType());
  // Postgres records neither nullability nor defaults for view columns.
  if (kind === 'view') return `${relation}.${column.name} ${type}`;
  return `${relation}.${column.name} ${type}${column.notNull ? ' not null' : ''}${column.hasDefault ? ' default' : ''}`;
}

function keyLine(relation: string, kind: string, columns: string[]) {
  return `${relation} ${kind} (${columns.join(', ')})`;
}

const schemaSide = {
  relations() {
    return [
      ...tables.map((table) => `${tableName(table)} table`),
      ...views.map((view) => {
        const config = getViewConfig(view);
        return `${qualified(config.name, config.schema)} view`;
      }),
    ];
  },

  columns() {
    const lines = tables.flatMap((table) => {
      const relation = tableName(table);
      return getTableConfig(table).columns.map((column) => columnLine(relation, column, 'table'));
    });
    for (const view of views) {
      const config = getViewConfig(view);
      const relation = qualified(config.name, config.schema);
      for (const column of Object.values(config.selectedFields) as PgColumn[]) {
        lines.push(columnLine(relation, column, 'view'));
      }
    }
    return lines;
  },

  primaryKeys() {
    return tables.flatMap((table) => {
      const config = getTableConfig(table);
      const inline = config.columns.filter((column) => column.primary).map((column) => column.name);
      const composite = config.primaryKeys.map((key) => key.columns.map((column) => column.name));
      return [...(inline.length ? [inline] : []), ...composite].map((columns) =>
        keyLine(tableName(table), 'primary key', columns),
      );
    });
  },

  uniqueConstraints() {
    return tables.flatMap((table) => {
      const config = getTableConfig(table);
      const inline = config.columns.filter((column) => column.isUnique).map((column) => [column.name]);
      const composite = config.uniqueConstraints.map((constraint) => constraint.columns.map((column) => column.name));
      return [...inline, ...composite].map((columns) => keyLine(tableName(table), 'unique', columns));
    });
  },

  foreignKeys() {
    return tables.flatMap((table) =>
      getTableConfig(table).foreignKeys.map((foreignKey) => {
        const { columns, foreignTable, foreignColumns } = foreignKey.reference();
        const names = (list: PgColumn[]) => list.map((column) => column.name).join(', ');
        return `${tableName(table)} (${names(columns)}) references ${tableName(foreignTable)} (${names(foreignColumns)}) on delete ${foreignKey.onDelete ?? 'no action'}`;
      }),
    );
  },

  enumeratedColumns() {
    return tables.flatMap((table) =>
      getTableConfig(table)
        .columns.filter((column) => column.enumValues?.length)
        .map((column) => `${tableName(table)}.${column.name} in (${column.enumValues!.join(', ')})`),
    );
  },
};

async function lines(db: SqlClient, sql: string) {
  const { rows } = await db.query<{ line: string }>(sql, [mirroredSchemas]);
  return rows.map((row) => row.line);
}

/** Tables (plain, partitioned, foreign), views and materialized views. */
const relationKinds = `('r', 'p', 'f', 'v', 'm')`;

/** A constraint's columns in key order, as `a, b`. */
const keyColumns = (relation: string, keys: string) => `
  (select string_agg(a.attname, ', ' order by k.position)
     from unnest(${keys}) with ordinality as k(attnum, position)
     join pg_attribute a on a.attrelid = ${relation} and a.attnum = k.attnum)`;

/** Every constraint of one type on the mirrored relations, with `relation` as `schema.table`. */
const constraintsOfType = (type: string) => `
  (select con.*, format('%s.%s', n.nspname, c.relname) as relation
     from pg_constraint con
     join pg_class c on c.oid = con.conrelid
     join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any ($1::text[]) and con.contype = '${type}') as con`;

const databaseSide = {
  relations: (db: SqlClient) =>
    lines(
      db,
      `select format('%s.%s %s', n.nspname, c.relname, case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end) as line
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any ($1::text[]) and c.relkind in ${relationKinds}`,
    ),

  columns: (db: SqlClient) =>
    lines(
      db,
      `select format('%s.%s.%s %s', n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod))
              || case when c.relkind = 'v' then ''
                      else case when a.attnotnull then ' not null' else '' end
                        || case when a.atthasdef then ' default' else '' end
                 end as line
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any ($1::text[]) and c.relkind in ${relationKinds}
          and a.attnum > 0 and not a.attisdropped`,
    ),

  primaryKeys: (db: SqlClient) =>
    lines(
      db,
      `select format('%s primary key (%s)', con.relation, ${keyColumns('con.conrelid', 'con.conkey')}) as line
         from ${constraintsOfType('p')}`,
    ),

  uniqueConstraints: (db: SqlClient) =>
    lines(
      db,
      `select format('%s unique (%s)', con.relation, ${keyColumns('con.conrelid', 'con.conkey')}) as line
         from ${constraintsOfType('u')}`,
    ),

  foreignKeys: (db: SqlClient) =>
    lines(
      db,
      `select format('%s (%s) references %s.%s (%s) on delete %s',
                     con.relation, ${keyColumns('con.conrelid', 'con.conkey')},
                     fn.nspname, fc.relname, ${keyColumns('con.confrelid', 'con.confkey')},
                     case con.confdeltype
                       when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade'
                       when 'n' then 'set null' when 'd' then 'set default'
                     end) as line
         from ${constraintsOfType('f')}
         join pg_class fc on fc.oid = con.confrelid
         join pg_namespace fn on fn.oid = fc.relnamespace`,
    ),

  /** `CHECK (column IN ('a', 'b', ...))`, which the schema mirrors as a text enum. */
  async enumeratedColumns(db: SqlClient) {
    const { rows } = await db.query<{ relation: string; definition: string }>(
      `select con.relation, pg_get_constraintdef(con.oid) as definition from ${constraintsOfType('c')}`,
      [mirroredSchemas],
    );
    return rows.flatMap(({ relation, definition }) => {
      const match = /^CHECK \(\(\(?(\w+)\)?(?:::text)? = ANY \(\(?ARRAY\[(.*)\]\)?(?:::text\[\])?\)\)\)$/.exec(definition);
      if (!match) return [];
      const values = [...match[2].matchAll(/'((?:[^']|'')*)'::(?:text|character varying)/g)].map((value) =>
        value[1].replaceAll("''", "'"),
      );
      return [`${relation}.${match[1]} in (${values.join(', ')})`];
    });
  },
};

type Check = keyof typeof databaseSide;

/** The lines only one side has; both lists empty means no drift. */
async function drift(db: SqlClient, check: Check, schemaLines: string[] = schemaSide[check]()) {
  const database = new Set(await databaseSide[check](db));
  const mirrored = new Set(schemaLines);
  return {
    only_in_database: [...database].filter((line) => !mirrored.has(line)).sort(),
    only_in_drizzle_schema: [...mirrored].filter((line) => !database.has(line)).sort(),
  };
}

const noDrift = { only_in_database: [], only_in_drizzle_schema: [] };

describe('the drizzle schema mirrors the migrated database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it('has the same tables and views', async () => {
    expect(await drift(db.owner, 'relations')).toEqual(noDrift);
  });

  it('has the same columns, with the same types, nullability and presence of a default', async () => {
    expect(await drift(db.owner, 'columns')).toEqual(noDrift);
  });

  it('has the same primary keys', async () => {
    expect(await drift(db.owner, 'primaryKeys')).toEqual(noDrift);
  });

  it('has the same unique constraints', async () => {
    expect(await drift(db.owner, 'uniqueConstraints')).toEqual(noDrift);
  });

  it('has the same foreign keys, with the same delete actions', async () => {
    expect(await drift(db.owner, 'foreignKeys')).toEqual(noDrift);
  });

  it('allows exactly the values the check constraints allow in enumerated text columns', async () => {
    expect(await drift(db.owner, 'enumeratedColumns')).toEqual(noDrift);
  });

  // API responses are rows serialised as they are, and the API's field names are the
  // column names.
  it('names every property after its column', () => {
    const propertiesByRelation = [
      ...tables.map((table) => getTableColumns(table)),
      ...views.map((view) => getViewConfig(view).selectedFields as Record<string, PgColumn>),
    ];
    const misnamed = propertiesByRelation.flatMap((columns) =>
      Object.entries(columns)
        .filter(([property, column]) => property !== column.name)
        .map(([property, column]) => `${property} (column ${column.name})`),
    );
    expect(misnamed).toEqual([]);
  });
});

describe('the drift checks notice drift', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  /** Runs `work` after `ddl` inside a transaction that is always rolled back. */
  async function withAlteredDatabase<T>(ddl: string, work: () => Promise<T>) {
    await db.owner.exec('begin');
    try {
      await db.owner.exec(ddl);
      return await work();
    } finally {
      await db.owner.exec('rollback');
    }
  }

  it('reports tables and columns the schema lacks or describes differently', async () => {
    const found = await withAlteredDatabase(
      `create table public.unmirrored (id uuid primary key);
       alter table public.todos add column archived_at timestamptz;
       alter table public.todos alter column description set not null;
       alter table public.todos alter column category type varchar(50);
       alter table public.todos alter column priority drop default;`,
      async () => ({ relations: await drift(db.owner, 'relations'), columns: await drift(db.owner, 'columns') }),
    );
    expect(found.relations).toEqual({ only_in_database: ['public.unmirrored table'], only_in_drizzle_schema: [] });
    expect(found.columns).toEqual({
      only_in_database: [
        'public.todos.archived_at timestamp with time zone',
        'public.todos.category character varying(50)',
        'public.todos.description text not null',
        'public.todos.priority text not null',
        'public.unmirrored.id uuid not null',
      ],
      only_in_drizzle_schema: [
        'public.todos.category text',
        'public.todos.description text',
        'public.todos.priority text not null default',
      ],
    });
  });

  it('reports keys, references and enumerations that differ', async () => {
    const found = await withAlteredDatabase(
      `alter table public.post_likes drop constraint post_likes_pkey;
       alter table public.post_likes add primary key (user_id, post_id);
       alter table public.user_wishlists drop constraint user_wishlists_user_id_product_id_key;
       alter table public.todos drop constraint todos_trip_id_fkey;
       alter table public.todos add foreign key (trip_id) references public.trips (id) on delete cascade;
       alter table public.todos drop constraint todos_priority_check;
       alter table public.todos add check (priority in ('low', 'medium', 'high'));`,
      async () => ({
        primaryKeys: await drift(db.owner, 'primaryKeys'),
        uniqueConstraints: await drift(db.owner, 'uniqueConstraints'),
        foreignKeys: await drift(db.owner, 'foreignKeys'),
        enumeratedColumns: await drift(db.owner, 'enumeratedColumns'),
      }),
    );
    expect(found).toEqual({
      primaryKeys: {
        only_in_database: ['public.post_likes primary key (user_id, post_id)'],
        only_in_drizzle_schema: ['public.post_likes primary key (post_id, user_id)'],
      },
      uniqueConstraints: {
        only_in_database: [],
        only_in_drizzle_schema: ['public.user_wishlists unique (user_id, product_id)'],
      },
      foreignKeys: {
        only_in_database: ['public.todos (trip_id) references public.trips (id) on delete cascade'],
        only_in_drizzle_schema: ['public.todos (trip_id) references public.trips (id) on delete set null'],
      },
      enumeratedColumns: {
        only_in_database: ['public.todos.priority in (low, medium, high)'],
        only_in_drizzle_schema: ['public.todos.priority in (low, medium, high, urgent)'],
      },
    });
  });
});
