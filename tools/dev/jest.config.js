module.exports = require('../../jest.preset.js')('tools-dev', __dirname, { testTimeout: 120_000 });
