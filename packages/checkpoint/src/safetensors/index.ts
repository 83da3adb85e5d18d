// safetensors, with the Python package's names camelCased: save/load (bytes), saveFile/loadFile,
// safeOpen (lazy reads by name).
export { load, loadFile } from './load.js';
export { safeOpen, SafetensorsFile } from './reader.js';
export type { ReadOptions, TensorInfo } from './reader.js';
export { planSafetensors, save, saveFile, writeSafetensors } from './writer.js';
export type { SafetensorsPlan, TensorDict, WriteOptions } from './writer.js';
export { RawTensor } from './raw.js';
export type { SafetensorsDtype } from './dtypes.js';
export { SAFETENSORS_DTYPES } from './dtypes.js';
export { MAX_HEADER_BYTES } from './header.js';
