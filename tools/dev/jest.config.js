module.exports = require('../../jest.preset.js')('tools-dev', __dirname);
