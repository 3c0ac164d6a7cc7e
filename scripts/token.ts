// Signs a local access token: `npm run token -- --email someone@example.com [--admin] [--ttl 3600]`.
// Only the token goes to stdout, so `TOKEN=$(npm run -s token -- --email a@b.c)` works.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';
import { userIdForEmail } from '../db/seed.ts';
import { connectToDevDatabase, devVarsPath, readDevVars, readWranglerVars } from './dev-database.ts';

const usage = 'usage: npm run token -- --email someone@example.com [--admin] [--ttl seconds]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        admin: { type: 'boolean', default: false },
        ttl: { type: 'string', default: '3600' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (values.help) fail(usage);
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email)) fail(`--email needs an address.\n${usage}`);
  const ttlSeconds = Number(values.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) fail(`--ttl must be a whole number of seconds.\n${usage}`);
  return { email, admin: values.admin, ttlSeconds };
}

/** What the local Worker sees: .dev.vars overrides wrangler.toml [vars]; the shell only fills gaps. */
async function workerSettings() {
  const [devVars, wranglerVars] = await Promise.all([readDevVars(), readWranglerVars()]);
  const setting = (name: string) =>
    (devVars[name] ?? wranglerVars[name] ?? process.env[name] ?? '').trim() || undefined;
  return {
    secret: setting('JWT_SECRET'),
    audience: setting('JWT_AUDIENCE'),
    issuer: setting('JWT_ISSUER'),
  };
}

/** The profile is normally created by the user's first request; an admin needs it now. */
async function makeAdmin(userId: string, email: string): Promise<string> {
  const db = await connectToDevDatabase();
  try {
    await db.exec('begin');
    try {
      await db.query('insert into auth.users (id, email) values ($1, $2) on conflict (id) do nothing', [userId, email]);
      await db.query(
        `insert into public.profiles (id, email, is_admin) values ($1, $2, true)
         on conflict (id) do update set is_admin = true`,
        [userId, email],
      );
      await db.exec('commit');
    } catch (error) {
      await db.exec('rollback');
      if ((error as { code?: string }).code === '23505') {
        throw new Error(`Another profile already uses ${email}; it was not created by this script.`, { cause: error });
      }
      throw error;
    }
    return db.description;
  } finally {
    await db.close();
  }
}

const { email, admin, ttlSeconds } = parseOptions();
const { secret, audience, issuer } = await workerSettings();
if (!secret) fail(`No JWT_SECRET in ${devVarsPath} or the environment. Run \`npm run dev\` once to create it.`);

const userId = userIdForEmail(email);
const now = Math.floor(Date.now() / 1000);
const jwt = new SignJWT({ email, role: 'authenticated', session_id: randomUUID() })
  .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
  .setSubject(userId)
  .setIssuedAt(now)
  .setExpirationTime(now + ttlSeconds);
if (audience) jwt.setAudience(audience);
if (issuer) jwt.setIssuer(issuer);
const token = await jwt.sign(new TextEncoder().encode(secret));

if (admin) {
  try {
    const where = await makeAdmin(userId, email);
    console.error(`${email} is an administrator in ${where}.`);
  } catch (error) {
    console.error(`Could not make ${email} an administrator: ${(error as Error).message}`);
    process.exit(1);
  }
}

process.stdout.write(`${token}\n`);
console.error(
  `Token for ${email} (user ${userId}), valid until ${new Date((now + ttlSeconds) * 1000).toISOString()}.\n` +
    `Try: curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8787/api/v1/me`,
);
