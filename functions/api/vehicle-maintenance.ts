import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, desc, eq, isNotNull, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { vehicleMaintenance, vehicles } from '../../db/schema/index.ts';
import type { Database } from '../env.ts';
import { notFound } from '../errors.ts';
import { problems } from './problems.ts';
import { bearerAuth, jsonContent, newRouter } from '../openapi.ts';
import { decodeKeysetCursor, encodeKeysetCursor, exactTimestamp, keyPart } from '../database/keyset-cursor.ts';
import { listOf, PageQuery } from '../database/pagination.ts';
import { DateOnly, NonNegativeMoneyInput, Money, Timestamp, Uuid } from '../shapes.ts';

export const MaintenanceRecord = z
  .object({
    id: Uuid,
    vehicle_id: Uuid,
    maintenance_type: z.string().openapi({ example: 'oil_change' }),
    description: z.string().nullable(),
    cost: Money.nullable(),
    mileage: z.number().int().nullable(),
    service_date: DateOnly,
    next_service_date: DateOnly.nullable(),
    next_service_mileage: z.number().int().nullable(),
    vendor: z.string().nullable(),
    notes: z.string().nullable(),
    receipt_url: z.string().nullable(),
    created_at: Timestamp,
  })
  .openapi('MaintenanceRecord');

const Count = z.number().int().min(0).max(2_147_483_647);

/** What a client may write; the vehicle comes from the path, ids and timestamps are ignored. */
const MaintenanceInput = z.object({
  maintenance_type: z.string().trim().min(1).max(100).openapi({ example: 'oil_change' }),
  description: z.string().max(10_000).nullable().optional(),
  cost: NonNegativeMoneyInput.nullable().optional(),
  mileage: Count.nullable().optional(),
  service_date: DateOnly,
  next_service_date: DateOnly.nullable().optional(),
  next_service_mileage: Count.nullable().optional(),
  vendor: z.string().trim().max(200).nullable().optional(),
  notes: z.string().max(10_000).nullable().optional(),
  receipt_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
});
const MaintenanceCreate = MaintenanceInput.openapi('MaintenanceCreate');
const MaintenanceUpdate = MaintenanceInput.partial().openapi('MaintenanceUpdate');

const UpcomingMaintenance = MaintenanceRecord.extend({
  vehicle: z.object({ id: Uuid, make: z.string(), model: z.string(), license_plate: z.string().nullable() }),
  overdue: z.boolean().openapi({ description: '`next_service_date` is before today (UTC)' }),
  days_until_due: z.number().int().openapi({ description: 'Days from today (UTC) to `next_service_date`; negative when overdue' }),
}).openapi('UpcomingMaintenance');

const UpcomingQuery = PageQuery.extend({
  days: z.coerce.number().int().min(1).max(3650).default(30).openapi({ description: 'Look-ahead in days, 1-3650 (default 30)' }),
});

const VehicleParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const RecordParams = VehicleParam.extend({ record_id: Uuid.openapi({ param: { name: 'record_id', in: 'path' } }) });

const tags = ['Vehicles'];
const security = bearerAuth;

const listMaintenance = createRoute({
  method: 'get',
  path: '/vehicles/{id}/maintenance',
  tags,
  security,
  summary: "A vehicle's maintenance log, most recent service first",
  description: 'Ordered by `service_date`, then `created_at`, newest first.',
  request: { params: VehicleParam, query: PageQuery },
  responses: {
    200: { description: 'A page of maintenance records', content: jsonContent(listOf(MaintenanceRecord, 'MaintenanceRecordList')) },
    ...problems(400, 401, 404),
  },
});

const createMaintenance = createRoute({
  method: 'post',
  path: '/vehicles/{id}/maintenance',
  tags,
  security,
  summary: 'Log maintenance of a vehicle',
  request: { params: VehicleParam, body: { content: jsonContent(MaintenanceCreate), required: true } },
  responses: { 201: { description: 'Created', content: jsonContent(MaintenanceRecord) }, ...problems(400, 401, 404, 413, 415) },
});

const updateMaintenance = createRoute({
  method: 'patch',
  path: '/vehicles/{id}/maintenance/{record_id}',
  tags,
  security,
  summary: 'Update a maintenance record',
  request: { params: RecordParams, body: { content: jsonContent(MaintenanceUpdate), required: true } },
  responses: { 200: { description: 'The updated record', content: jsonContent(MaintenanceRecord) }, ...problems(400, 401, 404, 413, 415) },
});

const deleteMaintenance = createRoute({
  method: 'delete',
  path: '/vehicles/{id}/maintenance/{record_id}',
  tags,
  security,
  summary: 'Delete a maintenance record',
  request: { params: RecordParams },
  responses: { 204: { description: 'Deleted' }, ...problems(401, 404) },
});

const listUpcoming = createRoute({
  method: 'get',
  path: '/maintenance/upcoming',
  tags,
  security,
  summary: 'Maintenance due within `days`, soonest first',
  description:
    'Records whose `next_service_date` falls on or before today (UTC) plus `days`, across your active vehicles, ' +
    'ordered by `next_service_date` (then `id`). Services already overdue are included and flagged `overdue: true`. ' +
    'Only the latest record of each `maintenance_type` (compared case-insensitively) per vehicle counts: once a ' +
    'service has been logged again, the older record\'s due date no longer applies. Vehicles with `is_active: false` are left out.',
  request: { query: UpcomingQuery },
  responses: {
    200: { description: 'A page of due maintenance', content: jsonContent(listOf(UpcomingMaintenance, 'UpcomingMaintenanceList')) },
    ...problems(400, 401),
  },
});

/** 404 unless the caller can see the vehicle (its policy decides). */
async function requireVehicle(db: Database, vehicleId: string): Promise<void> {
  const [vehicle] = await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.id, vehicleId));
  if (!vehicle) throw notFound('vehicle');
}

async function maintenanceLogPage(db: Database, vehicleId: string, page: PageQuery) {
  const m = vehicleMaintenance;
  const after = page.cursor ? decodeKeysetCursor(page.cursor, [keyPart.date, keyPart.timestamp, keyPart.uuid]) : null;
  const rows = await db
    .select({ record: m, position: exactTimestamp(m.created_at) })
    .from(m)
    .where(
      and(
        eq(m.vehicle_id, vehicleId),
        after
          ? sql`(${m.service_date}, ${m.created_at}, ${m.id}) < (${after[0]}::date, ${after[1]}::timestamptz, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(m.service_date), desc(m.created_at), desc(m.id))
    .limit(page.limit + 1);
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((row) => row.record),
    next_cursor:
      rows.length > page.limit && last
        ? encodeKeysetCursor([last.record.service_date, last.position, last.record.id])
        : null,
  };
}

const todayUtc = sql`(now() at time zone 'UTC')::date`;

/** Current records (the latest per vehicle and type) due within `days`, soonest first. */
async function upcomingMaintenancePage(db: Database, query: z.infer<typeof UpcomingQuery>) {
  const m = vehicleMaintenance;
  const later = alias(vehicleMaintenance, 'later');
  const after = query.cursor ? decodeKeysetCursor(query.cursor, [keyPart.date, keyPart.uuid]) : null;
  const supersededByLaterService = db
    .select({ id: later.id })
    .from(later)
    .where(
      and(
        eq(later.vehicle_id, m.vehicle_id),
        sql`lower(${later.maintenance_type}) = lower(${m.maintenance_type})`,
        sql`(${later.service_date}, ${later.created_at}, ${later.id}) > (${m.service_date}, ${m.created_at}, ${m.id})`,
      ),
    );
  const rows = await db
    .select({
      record: m,
      vehicle: { id: vehicles.id, make: vehicles.make, model: vehicles.model, license_plate: vehicles.license_plate },
      days_until_due: sql<number>`(${m.next_service_date} - ${todayUtc})::int`,
    })
    .from(m)
    .innerJoin(vehicles, eq(vehicles.id, m.vehicle_id))
    .where(
      and(
        eq(vehicles.is_active, true),
        isNotNull(m.next_service_date),
        sql`${m.next_service_date} <= ${todayUtc} + ${query.days}::int`,
        notExists(supersededByLaterService),
        after ? sql`(${m.next_service_date}, ${m.id}) > (${after[0]}::date, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(m.next_service_date), asc(m.id))
    .limit(query.limit + 1);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map((row) => ({
      ...row.record,
      vehicle: row.vehicle,
      overdue: row.days_until_due < 0,
      days_until_due: row.days_until_due,
    })),
    next_cursor:
      rows.length > query.limit && last ? encodeKeysetCursor([last.record.next_service_date!, last.record.id]) : null,
  };
}

export const vehicleMaintenanceRouter = newRouter()
  .openapi(listMaintenance, async (c) => {
    const { id } = c.req.valid('param');
    await requireVehicle(c.var.db, id);
    return c.json(await maintenanceLogPage(c.var.db, id, c.req.valid('query')), 200);
  })
  .openapi(createMaintenance, async (c) => {
    const { id } = c.req.valid('param');
    await requireVehicle(c.var.db, id);
    const [record] = await c.var.db
      .insert(vehicleMaintenance)
      .values({ ...c.req.valid('json'), vehicle_id: id })
      .returning();
    c.header('location', `/api/v1/vehicles/${id}/maintenance/${record.id}`);
    return c.json(record, 201);
  })
  .openapi(updateMaintenance, async (c) => {
    const { id, record_id } = c.req.valid('param');
    const changes = c.req.valid('json');
    const target = and(eq(vehicleMaintenance.id, record_id), eq(vehicleMaintenance.vehicle_id, id));
    const [record] =
      Object.keys(changes).length > 0
        ? await c.var.db.update(vehicleMaintenance).set(changes).where(target).returning()
        : await c.var.db.select().from(vehicleMaintenance).where(target);
    if (!record) throw notFound('maintenance record');
    return c.json(record, 200);
  })
  .openapi(deleteMaintenance, async (c) => {
    const { id, record_id } = c.req.valid('param');
    const deleted = await c.var.db
      .delete(vehicleMaintenance)
      .where(and(eq(vehicleMaintenance.id, record_id), eq(vehicleMaintenance.vehicle_id, id)))
      .returning({ id: vehicleMaintenance.id });
    if (deleted.length === 0) throw notFound('maintenance record');
    return c.body(null, 204);
  })
  .openapi(listUpcoming, async (c) => c.json(await upcomingMaintenancePage(c.var.db, c.req.valid('query')), 200));
