// The local shop loop a newcomer tries: a seeded product's checkout link, a purchase that
// `npm run ipn` reports the way Digistore24 would, and the sale credited to the user who
// followed the link. The command runs as a developer runs it, against PAM over HTTP.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUserEmail, seedDemoData, userIdForEmail } from '../db/seed.ts';
import { newApp } from '../functions/app.ts';
import type { Env } from '../functions/env.ts';
import { connectorFor, signTestToken, TEST_JWT_SECRET } from '../test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '../test/support/database.ts';
import { type LocalServer, serveFetch } from '../test/browser/local-servers.ts';
import { parseDevVars } from './dev-database.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const PASSPHRASE = 'ipn-command-test-passphrase';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run ipn -- <args>`, without npm in between. */
function runIpnCommand(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/ipn.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let database: TestDatabase;
let pam: LocalServer;
let token: string;
let affiliateId: string;

beforeAll(async () => {
  // The demo affiliate id a fresh `npm run dev` starts with.
  affiliateId = parseDevVars(await readFile(new URL('../.dev.vars.example', import.meta.url), 'utf8')).DIGISTORE24_AFFILIATE_ID!;
  database = await createTestDatabase();
  await seedDemoData(database.owner);
  const env: Env = { JWT_SECRET: TEST_JWT_SECRET, DIGISTORE24_IPN_PASSPHRASE: PASSPHRASE, DIGISTORE24_AFFILIATE_ID: affiliateId };
  const app = newApp({ connectDatabase: connectorFor(database) });
  pam = await serveFetch((request) => app.fetch(request, env));
  token = await signTestToken({
    sub: userIdForEmail(demoUserEmail),
    email: demoUserEmail,
    role: 'authenticated',
    session_id: crypto.randomUUID(),
  });
});

afterAll(async () => {
  await pam?.close();
  await database?.close();
});

async function asDemoUser<Body>(path: string): Promise<Body> {
  const response = await fetch(new URL(path, pam.origin), { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

describe('the local shop loop', () => {
  let checkoutUrl: string;

  it('starts from products that carry a checkout link on a fresh local setup', async () => {
    expect(affiliateId).toMatch(/\S/);
    const products: { data: { digistore24_id: string; checkout_url: string | null }[] } = await asDemoUser('/api/v1/products');
    const product = products.data.find((p) => p.digistore24_id === '410001');
    expect(product?.checkout_url).toMatch(new RegExp(`/redir/410001/${affiliateId}/\\?custom=`));
    checkoutUrl = product!.checkout_url!;
  });

  it('turns the purchase through that link into a sale credited to its user', { timeout: 60_000 }, async () => {
    const run = await runIpnCommand(['--link', checkoutUrl, '--amount', '47.00', '--url', pam.origin, '--passphrase', PASSPHRASE]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/answered 200: OK/);

    const sales: { data: { external_product_id: string; status: string; sale_amount: string; is_test: boolean }[] } =
      await asDemoUser('/api/v1/affiliate-sales');
    expect(sales.data).toEqual([
      expect.objectContaining({ external_product_id: '410001', status: 'confirmed', sale_amount: '47.00', is_test: true }),
    ]);
  });

  it('refunds that sale with the order and transaction the command printed', { timeout: 60_000 }, async () => {
    const { rows } = await database.owner.query<{ order_id: string; transaction_id: string }>(
      `select order_id, transaction_id from public.affiliate_sales where external_product_id = '410001'`,
    );
    const [{ order_id, transaction_id }] = rows;
    const run = await runIpnCommand([
      '--product', '410001', '--email', demoUserEmail, '--event', 'on_refund',
      '--order', order_id, '--transaction', transaction_id, '--url', pam.origin, '--passphrase', PASSPHRASE,
    ]);
    expect(run.code).toBe(0);
    const sales: { data: { status: string }[] } = await asDemoUser('/api/v1/affiliate-sales');
    expect(sales.data.map((sale) => sale.status)).toEqual(['refunded']);
  });

  it('is refused, and says so, when signed with another passphrase', { timeout: 60_000 }, async () => {
    const run = await runIpnCommand(['--link', checkoutUrl, '--url', pam.origin, '--passphrase', 'not-the-passphrase']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/answered 403/);
  });
});
