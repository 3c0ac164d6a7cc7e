import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { claimsStatement } from './transactions.ts';

const dialect = new PgDialect();
const origin = { ip: '203.0.113.7', userAgent: 'PAM-iOS/3.1' };
const caller = {
  userId: '0b7b3f6e-2c1a-4d8e-9f00-1a2b3c4d5e6f',
  claims: { sub: '0b7b3f6e-2c1a-4d8e-9f00-1a2b3c4d5e6f', role: 'authenticated' as const, exp: 1_900_000_000, email: 'ana@example.com' },
  sessionKeyHash: 'ab'.repeat(32),
};

describe('the claims statement as a pipelining driver receives it', () => {
  // The driver gets text made once and this request's values; the database must receive
  // exactly the statement the SQL would have built, values in the places they belong.
  it.each([
    ['a signed-in caller without a session id', caller],
    ['a signed-in caller with a session id', { ...caller, claims: { ...caller.claims, session_id: 'f1e2d3c4-0000-4000-8000-000000000001' } }],
    ['an anonymous visitor', null],
  ])('is the statement the SQL builds, for %s', (_, who) => {
    const statement = claimsStatement(who, origin);
    const built = dialect.sqlToQuery(statement.sql());
    expect(statement.driverStatement()).toEqual({ text: built.sql, values: built.params });
  });

  it('carries each request its own values', () => {
    const first = claimsStatement(caller, origin).driverStatement();
    const second = claimsStatement({ ...caller, sessionKeyHash: 'cd'.repeat(32) }, { ip: '', userAgent: 'curl/8' }).driverStatement();
    expect(second.text).toBe(first.text);
    expect(second.values).toContain('cd'.repeat(32));
    expect(second.values).toContain('curl/8');
    expect(second.values).not.toContain(origin.userAgent);
    expect(first.values).toContain(JSON.stringify(caller.claims));
  });
});
