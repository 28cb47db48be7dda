import { onnx } from 'onnx-proto';

/** `metadata_props` of an ONNX model as a plain record. */
export function readMetadataProps(bytes: Uint8Array): Record<string, string> {
  const model = onnx.ModelProto.decode(bytes);
  return Object.fromEntries(model.metadataProps.map((entry) => [entry.key ?? '', entry.value ?? '']));
}

/**
 * A copy of the model with some `metadata_props` replaced. Operators use it to re-stamp a model
 * (e.g. a new model_version); tests use it to produce contract-breaking variants of a real model.
 */
export function withMetadataProps(bytes: Uint8Array, overrides: Readonly<Record<string, string>>): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const props = new Map(model.metadataProps.map((entry) => [entry.key ?? '', entry.value ?? '']));
  for (const [key, value] of Object.entries(overrides)) props.set(key, value);
  model.metadataProps = [...props.entries()].map(([key, value]) => onnx.StringStringEntryProto.create({ key, value }));
  return onnx.ModelProto.encode(model).finish();
}
