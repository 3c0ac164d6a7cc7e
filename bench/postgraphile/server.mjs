// PostGraphile v5 in front of the benchmark's database, set up the way its documentation
// recommends for row level security: the server verifies the HS256 token itself and hands
// Postgres the role and the claims as transaction-local settings (pgSettings), which
// PAM's policies read through auth.uid(). Production settings: no GraphiQL, no watch
// mode, no explain. Runs on Node 22 (PostGraphile 5 needs it), from the directory the
// benchmark installs this package into, so its imports resolve there.
//
//   node server.mjs <database url>
//   env: JWT_SECRET (required), POOL_SIZE (default 10), SCHEMAS (default public)
//
// Prints its port on stdout once the schema is built and the server listens.
// `GET /__bench/round-trips` answers the statements sent to Postgres (one round trip
// each: node-postgres waits for every answer before the next statement) and the CPU
// time the process used since the last time it was asked.
import { createServer } from 'node:http';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const databaseUrl = process.argv[2];
const secret = process.env.JWT_SECRET;
if (!databaseUrl || !secret) {
  console.error('usage: JWT_SECRET=... node server.mjs <database url>');
  process.exit(2);
}
const poolSize = Number(process.env.POOL_SIZE ?? 10);
const schemas = (process.env.SCHEMAS ?? 'public').split(',');

let statements = 0;
class CountingClient extends pg.Client {
  query(...args) {
    statements += 1;
    return super.query(...args);
  }
}
const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, Client: CountingClient });

/** A refused token: grafserv answers it with this status instead of running the operation. */
function unauthorized(message) {
  return Object.assign(new Error(message), { statusCode: 401 });
}

/**
 * The settings each operation's transaction starts with: the verified claims and the
 * role to switch to, `anon` without a token.
 */
function pgSettingsFor(authorization) {
  if (!authorization) return { role: 'anon' };
  const [scheme, token] = authorization.split(' ');
  if (scheme.toLowerCase() !== 'bearer' || !token) throw unauthorized('expected a bearer token');
  let claims;
  try {
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch (error) {
    throw unauthorized(error.message);
  }
  if (typeof claims !== 'object' || !claims.sub || !claims.exp) throw unauthorized('token without sub or exp');
  return { role: 'authenticated', 'request.jwt.claims': JSON.stringify(claims) };
}

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ pool, schemas, pubsub: false })],
  grafast: {
    explain: false,
    context(requestContext) {
      return { pgSettings: pgSettingsFor(requestContext.node?.req.headers.authorization) };
    },
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false, graphiqlOnGraphQLGET: false, watch: false },
};

const instance = postgraphile(preset);
// Built before the port is printed, so the first measured requests do not wait for it.
await instance.getSchema();
// The plain request handler rather than addTo(): no websockets here, and the benchmark's
// own route has to be answered before GraphQL sees the request.
const graphql = instance.createServ(grafserv).createHandler();

let cpuSince = process.cpuUsage();
const server = createServer((req, res) => {
  if (req.url === '/__bench/round-trips') {
    const cpu = process.cpuUsage(cpuSince);
    cpuSince = process.cpuUsage();
    const answer = JSON.stringify({ statements, roundTrips: statements, cpuMs: (cpu.user + cpu.system) / 1000 });
    statements = 0;
    res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    return;
  }
  graphql(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(async () => {
    await instance.release();
    await pool.end();
    process.exit(0);
  });
});
