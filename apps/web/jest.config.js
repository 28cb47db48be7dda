module.exports = require('../../jest.preset.js')('web', __dirname, {
  // The browser test starts the real API (and, without DATABASE_URL, an embedded PostgreSQL).
  testTimeout: 60_000,
});
