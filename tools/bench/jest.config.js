module.exports = require('../../jest.preset.js')('tools-bench', __dirname);
