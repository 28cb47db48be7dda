module.exports = require('../../jest.preset.js')('audio', __dirname);
