// The custom environment lets onnxruntime-node's tensors pass instanceof checks (see the file).
module.exports = require('../../jest.preset.js')('tools-ranking', __dirname, {
  testEnvironment: '<rootDir>/jest.environment.js',
});
