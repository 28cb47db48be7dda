module.exports = require('../../jest.preset.js')('domain', __dirname);
