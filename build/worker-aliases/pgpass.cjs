// Stands in for pgpass in the Worker bundle (wrangler.toml [alias]): a Worker has no
// ~/.pgpass to read, so a connection without a password in its URL gets none, as it would.
module.exports = function pgPass(_connectionParameters, callback) {
  callback(undefined);
};
