// `npm run db:seed`: the demo data `npm run dev` writes on its first run, on demand. Reaches
// the same database as the dev server (DATABASE_URL, else the embedded one, through the
// running dev server when there is one). Does nothing when the demo user already exists.
import { demoUserEmail, seedDemoData } from '../db/seed.ts';
import { connectToDevDatabase } from './dev-database.ts';

const db = await connectToDevDatabase();
try {
  const { seeded, userId } = await seedDemoData(db);
  console.log(
    seeded
      ? `Seeded demo data for ${demoUserEmail} (user ${userId}) in ${db.description}.`
      : `Demo data for ${demoUserEmail} is already in ${db.description}; nothing written.`,
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Seeding ${db.description} failed: ${message}`);
  if ((error as { code?: string }).code === '42P01') console.error('Run `npm run db:migrate` first.');
  process.exitCode = 1;
} finally {
  await db.close();
}
