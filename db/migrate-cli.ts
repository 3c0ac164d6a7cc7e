import { connectAsOwner } from './connect.ts';
import { migrate } from './migrate.ts';

const db = await connectAsOwner();
try {
  console.log(`Migrating ${db.description}`);
  const { applied, alreadyApplied } = await migrate(db);
  for (const name of applied) console.log(`  applied ${name}`);
  console.log(`${applied.length} applied, ${alreadyApplied.length} already up to date.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
