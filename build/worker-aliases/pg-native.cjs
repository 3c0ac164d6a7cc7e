// Stands in for pg's libpq binding (pg/lib/native) in the Worker bundle (wrangler.toml
// [alias]): a Worker cannot load native code, so it behaves as when pg-native is not
// installed, and `pg.native` is null.
const error = new Error('pg-native is not part of the Worker');
error.code = 'MODULE_NOT_FOUND';
throw error;
