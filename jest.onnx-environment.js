// onnxruntime-node hands back typed arrays created in Node's main realm, while Jest runs each
// test file in its own vm realm, so onnxruntime-common's `instanceof Float32Array` check fails
// ("A float32 tensor's data must be type of function Float32Array()"). Sharing the main realm's
// typed-array constructors with the test realm makes both sides agree.
const { TestEnvironment } = require('jest-environment-node');

const SHARED = ['Float32Array', 'Float64Array', 'Int32Array', 'BigInt64Array'];

class OnnxTestEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of SHARED) this.global[name] = globalThis[name];
  }
}

module.exports = OnnxTestEnvironment;
