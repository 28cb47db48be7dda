import { MODEL_IO, type MlpWeights } from '@roundtable/ranking';
import { onnx } from 'onnx-proto';

/** Opset the graph uses: MatMul/Add/Relu/Sigmoid/Sub/Mul/Reshape all exist unchanged since 13/14. */
export const ONNX_OPSET = 13;
/** IR version 7 pairs with opset 13 and loads in every onnxruntime since 1.6. */
export const ONNX_IR_VERSION = 7;

/**
 * Encodes an MLP as an ONNX model that satisfies the recommender's contract: input `features`
 * float32 [N, D], output `score` float32 [N], with `metadataProps` attached. The graph is
 * Sub(mean) → Mul(scale) → (MatMul → Add → Relu)* → MatMul → Add → Sigmoid → Reshape([-1]),
 * i.e. exactly mlpForward from libs/ranking.
 */
export function encodeMlpAsOnnx(weights: MlpWeights, metadataProps: Readonly<Record<string, string>>): Uint8Array {
  // D comes from the weights (FEATURE_DIM for anything ranking:train writes).
  const inputDim = weights.inputMean.length;
  const initializers: onnx.ITensorProto[] = [
    floatTensor('input_mean', [inputDim], weights.inputMean),
    floatTensor('input_scale', [inputDim], weights.inputScale),
    int64Tensor('flat_shape', [1], [-1n]),
  ];
  const nodes: onnx.INodeProto[] = [
    node('Sub', [MODEL_IO.input, 'input_mean'], ['centred']),
    node('Mul', ['centred', 'input_scale'], ['standardised']),
  ];
  let current = 'standardised';
  weights.layers.forEach((layer, index) => {
    const w = `dense_${index}_weight`;
    const b = `dense_${index}_bias`;
    initializers.push(floatTensor(w, [layer.inDim, layer.outDim], layer.weights), floatTensor(b, [layer.outDim], layer.bias));
    nodes.push(node('MatMul', [current, w], [`dense_${index}_matmul`]), node('Add', [`dense_${index}_matmul`, b], [`dense_${index}_linear`]));
    current = `dense_${index}_linear`;
    if (layer.activation !== 'linear') {
      const op = layer.activation === 'relu' ? 'Relu' : 'Sigmoid';
      nodes.push(node(op, [current], [`dense_${index}_${layer.activation}`]));
      current = `dense_${index}_${layer.activation}`;
    }
  });
  nodes.push(node('Reshape', [current, 'flat_shape'], [MODEL_IO.output]));

  const model = onnx.ModelProto.create({
    irVersion: ONNX_IR_VERSION,
    producerName: 'roundtable-ranking-train',
    producerVersion: '1',
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    graph: {
      name: 'roundtable_join_probability',
      node: nodes,
      initializer: initializers,
      input: [tensorInfo(MODEL_IO.input, [{ dimParam: 'N' }, { dimValue: inputDim }])],
      output: [tensorInfo(MODEL_IO.output, [{ dimParam: 'N' }])],
    },
    metadataProps: Object.entries(metadataProps).map(([key, value]) => ({ key, value })),
  });
  return onnx.ModelProto.encode(model).finish();
}

function node(opType: string, input: string[], output: string[]): onnx.INodeProto {
  return { opType, input, output, name: output[0] ?? opType };
}

function tensorInfo(name: string, dim: onnx.TensorShapeProto.IDimension[]): onnx.IValueInfoProto {
  return { name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim } } } };
}

function floatTensor(name: string, dims: number[], values: Float32Array): onnx.ITensorProto {
  // raw_data is little-endian per the ONNX spec; copy so the view does not alias other buffers.
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setFloat32(index * 4, value, true));
  return { name, dims, dataType: onnx.TensorProto.DataType.FLOAT, rawData: bytes };
}

function int64Tensor(name: string, dims: number[], values: bigint[]): onnx.ITensorProto {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, index) => view.setBigInt64(index * 8, value, true));
  return { name, dims, dataType: onnx.TensorProto.DataType.INT64, rawData: bytes };
}
