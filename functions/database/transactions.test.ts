import { describe, expect, it } from 'vitest';
import { claimsStatement } from './transactions.ts';

const origin = { ip: '203.0.113.7', userAgent: 'PAM-iOS/3.1' };
const caller = {
  userId: '0b7b3f6e-2c1a-4d8e-9f00-1a2b3c4d5e6f',
  claims: { sub: '0b7b3f6e-2c1a-4d8e-9f00-1a2b3c4d5e6f', role: 'authenticated' as const, exp: 1_900_000_000, email: 'ana@example.com' },
  sessionKeyHash: 'ab'.repeat(32),
};

describe('the claims statement as a pipelining driver receives it', () => {
  // The text is made once (statements.ts, which tests that the values land where the SQL
  // puts them); each request brings only its values.
  it('carries each request its own values', () => {
    const first = claimsStatement(caller, origin).bound();
    const second = claimsStatement({ ...caller, sessionKeyHash: 'cd'.repeat(32) }, { ip: '', userAgent: 'curl/8' }).bound();
    expect(second.text).toBe(first.text);
    expect(second.values).toContain('cd'.repeat(32));
    expect(second.values).toContain('curl/8');
    expect(second.values).not.toContain(origin.userAgent);
    expect(first.values).toContain(JSON.stringify(caller.claims));
    expect(first.values).toContain(new Date((caller.claims.exp + 60) * 1000).toISOString());
  });

  it('gives a caller with a session id no expiry of its own, and an anonymous visitor the anon role', () => {
    const withSession = claimsStatement({ ...caller, claims: { ...caller.claims, session_id: 'f1e2d3c4-0000-4000-8000-000000000001' } }, origin).bound();
    expect(withSession.values.at(-1)).toBeNull();
    expect(claimsStatement(null, origin).bound().values).toEqual(['anon']);
  });
});
