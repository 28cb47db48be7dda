module.exports = require('../../jest.preset.js')('api', __dirname, {
  // One PostgreSQL server for the run (DATABASE_URL's, else an embedded one); each worker gets
  // its own migrated database on it, cleared between tests.
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60_000,
});
