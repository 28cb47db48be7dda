module.exports = require('../../jest.preset.js')('moderation', __dirname);
