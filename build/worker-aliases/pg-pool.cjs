// Stands in for pg-pool in the Worker bundle (wrangler.toml [alias]). pg's index extends
// Pool when it loads, but a Worker opens one connection per request and never pools in
// the isolate (Hyperdrive pools, outside it).
module.exports = class Pool {
  constructor() {
    throw new Error('pg.Pool is not part of the Worker: use a connection per request');
  }
};
