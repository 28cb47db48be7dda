// The custom environment lets onnxruntime-node's tensors pass instanceof checks (see the file).
module.exports = require('../../jest.preset.js')('recommender', __dirname, {
  testEnvironment: '<rootDir>/jest.environment.js',
});
