// `node --import tsx bench/product-sync.ts`: how many products one run of the Digistore24
// product sync handles, and what it costs, against the local fake Digistore24 API (real
// HTTP, real client) and a PostgreSQL server (DATABASE_URL, default the local one; it
// creates and drops its own database). Four runs over BENCH_PRODUCTS products (default
// 1000): the first sync (all inserts), an unchanged re-run, a run where every price
// changed (all updates), and one where half the listing is gone (deactivation).
// CPU is this process's after a warm-up sync (the sync's JavaScript, the pg driver, the
// fake API's JSON and garbage collection), not the database server's: an upper bound on
// what the Worker itself would spend.
import { migrate } from '../db/migrate.ts';
import { connectPg } from '../functions/database/connect.ts';
import { PAGE_SIZE, syncProducts } from '../functions/digistore24/product-sync.ts';
import { FAKE_API_KEY, marketplaceEntry, startFakeDigistore24 } from '../test/support/fake-digistore24.ts';
import { databaseUrl, type PgSqlClient, withPgClient } from '../db/connect.ts';

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const products = Number(process.env.BENCH_PRODUCTS ?? 1000);
const pageSize = Number(process.env.BENCH_PAGE_SIZE ?? PAGE_SIZE);
const database = `pam_bench_sync_${process.pid}`;


const admin = <T>(work: (client: PgSqlClient) => Promise<T>) => withPgClient(serverUrl, work);

async function main() {
  await admin((c) => c.query(`create database ${database}`));
  const url = databaseUrl(serverUrl, database);
  const fake = await startFakeDigistore24();
  try {
    await withPgClient(url, (client) => migrate(client));

    const env = { DIGISTORE24_API_KEY: FAKE_API_KEY, DIGISTORE24_API_URL: fake.url };
    const maxPages = Math.ceil(products / pageSize) + 1;
    const all = Array.from({ length: products }, (_, i) => marketplaceEntry(i + 1));
    const scenarios: [string, () => void][] = [
      ['first sync (inserts)', () => (fake.entries = all)],
      ['unchanged re-run', () => (fake.entries = all)],
      ['every price changed (updates)', () => (fake.entries = all.map((e) => ({ ...e, price: '1.23' })))],
      ['half the listing gone (deactivation)', () => (fake.entries = all.slice(0, products / 2).map((e) => ({ ...e, price: '1.23' })))],
    ];

    // Module loading and JIT warm-up are not the sync's per-product cost.
    fake.entries = Array.from({ length: 50 }, (_, i) => marketplaceEntry(1_000_000 + i));
    await syncProducts({ connect: () => connectPg(url), env });
    await withPgClient(url, (reset) =>
      reset.query('truncate public.shop_products, public.digistore24_sync_logs, public.audit_logs cascade'),
    );

    console.log(`product sync: ${products} products, page size ${pageSize}, PostgreSQL server, fake API on loopback`);
    console.log('run                                  | wall ms | cpu ms | API calls | products/s | added/updated/removed');
    for (const [name, arrange] of scenarios) {
      arrange();
      fake.requests.length = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const log = await syncProducts({
        connect: () => connectPg(url),
        env,
        pageSize,
        maxPages,
        maxApiRequests: maxPages + 5,
      });
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      if (log.error_message) throw new Error(`${name}: ${log.error_message}`);
      const cpuMs = (used.user + used.system) / 1000;
      const rate = (fake.entries.length / wall) * 1000;
      console.log(
        `${name.padEnd(36)} | ${wall.toFixed(0).padStart(7)} | ${cpuMs.toFixed(0).padStart(6)} | ${String(fake.requests.length).padStart(9)} | ${rate
          .toFixed(0)
          .padStart(10)} | ${log.products_added}/${log.products_updated}/${log.products_removed}`,
      );
    }
  } finally {
    await fake.close();
    await admin((c) => c.query(`drop database if exists ${database} with (force)`));
  }
}

await main();
