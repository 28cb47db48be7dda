module.exports = require('../../jest.preset.js')('ranking', __dirname);
