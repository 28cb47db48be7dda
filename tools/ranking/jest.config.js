// The custom environment lets onnxruntime-node's tensors pass instanceof checks (jest.onnx-environment.js).
module.exports = require('../../jest.preset.js')('tools-ranking', __dirname, {
  testEnvironment: '<rootDir>/../../jest.onnx-environment.js',
});
