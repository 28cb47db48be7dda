import { MODEL_METADATA_KEYS, type MlpActivation, type MlpLayer, type MlpWeights } from '@roundtable/ranking';
import { onnx } from 'onnx-proto';

/**
 * Reads the weights of a model written by `ranking:train` back out of its ONNX graph, so the
 * benchmark can run the very same weights through a plain Float32Array forward pass.
 */
export function mlpWeightsFromOnnx(bytes: Uint8Array): MlpWeights {
  const graph = onnx.ModelProto.decode(bytes).graph;
  if (!graph) throw new Error('model has no graph');
  const initializers = graph.initializer ?? [];
  const nodes = graph.node ?? [];
  const tensors = new Map(initializers.map((tensor) => [tensor.name ?? '', toFloat32(tensor)]));
  const need = (name: string): Float32Array => {
    const tensor = tensors.get(name);
    if (!tensor) throw new Error(`initializer ${name} missing: not a ranking:train model`);
    return tensor;
  };
  const layers: MlpLayer[] = [];
  for (let index = 0; tensors.has(`dense_${index}_weight`); index++) {
    const weightTensor = initializers.find((tensor) => tensor.name === `dense_${index}_weight`);
    const dims = (weightTensor?.dims ?? []).map(Number);
    const activationNode = nodes.find((node) => node.input?.[0] === `dense_${index}_linear`);
    const activation: MlpActivation = activationNode?.opType === 'Relu' ? 'relu' : activationNode?.opType === 'Sigmoid' ? 'sigmoid' : 'linear';
    layers.push({
      inDim: dims[0] ?? 0,
      outDim: dims[1] ?? 0,
      weights: need(`dense_${index}_weight`),
      bias: need(`dense_${index}_bias`),
      activation,
    });
  }
  return { inputMean: need('input_mean'), inputScale: need('input_scale'), layers };
}

function toFloat32(tensor: onnx.ITensorProto): Float32Array {
  if (tensor.dataType !== onnx.TensorProto.DataType.FLOAT) return new Float32Array(0);
  if (tensor.rawData && tensor.rawData.length > 0) {
    const view = new DataView(tensor.rawData.buffer, tensor.rawData.byteOffset, tensor.rawData.byteLength);
    return Float32Array.from({ length: tensor.rawData.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  }
  return Float32Array.from(tensor.floatData ?? []);
}

/** The model_version in a model's metadata_props, for labelling results. */
export function modelVersionOf(bytes: Uint8Array): string {
  const entry = onnx.ModelProto.decode(bytes).metadataProps.find((prop) => prop.key === MODEL_METADATA_KEYS.modelVersion);
  return entry?.value ?? 'unknown';
}
