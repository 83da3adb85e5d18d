// @torchlet/checkpoint: safetensors (strict reader, streaming writer), PyTorch .pt files
// (restricted unpickler, zip and legacy formats), and atomic training checkpoints.
export { CheckpointError } from './errors.js';
export { formatOf, load, save } from './io.js';
export type { Format, LoadOptions, SaveOptions } from './io.js';
export type { CheckpointErrorOptions } from './errors.js';
export * as safetensors from './safetensors/index.js';
export { loadFile, RawTensor, safeOpen, SafetensorsFile, saveFile } from './safetensors/index.js';
export type { ReadOptions, SafetensorsDtype, TensorDict, TensorInfo, WriteOptions } from './safetensors/index.js';
export type { ByteSource } from './bytes/source.js';
export { blobSource, bytesSource } from './bytes/source.js';
export type { ByteSink } from './bytes/sink.js';
export { MemorySink, streamSink } from './bytes/sink.js';
export type { FileSystem, WritableFile } from './fs/fileSystem.js';
export { defaultFileSystem } from './fs/fileSystem.js';
export { opfsFileSystem } from './fs/opfs.js';
export type { ReadTarget } from './fs/openSource.js';
export { latestCheckpoint, loadCheckpoint, saveCheckpoint } from './training/checkpoint.js';
export type { CheckpointParts, GeneratorLike, LoadCheckpointOptions, LoadedCheckpoint, SaveCheckpointOptions, Stateful } from './training/checkpoint.js';
