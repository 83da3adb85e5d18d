// What the unpickler builds where PyTorch would build storages and tensors: references, turned
// into torchlet tensors once the storages' bytes are read (materialize.ts).
import type { Buildable } from '../pickle/values.js';
import type { TorchDtype } from './storageTypes.js';

/** A storage named by a persistent id: its record key, element dtype and element count. */
export class StorageRef {
  /** @example new StorageRef('0', TORCH_DTYPES.float32, 6, 'cpu') */
  constructor(
    readonly key: string,
    readonly dtype: TorchDtype,
    readonly numel: number,
    readonly location: string,
    /** Legacy files: a view of a root storage starts this many elements in. */
    readonly viewOffset = 0,
  ) {}
}

/** A tensor to make from a storage: `storage.asStrided(size, stride, offset)`. */
export class TensorRef implements Buildable {
  /** @example new TensorRef(storage, 0, [2, 3], [3, 1], false) */
  constructor(
    readonly storage: StorageRef,
    readonly dtype: TorchDtype,
    readonly offset: number,
    readonly size: readonly number[],
    readonly stride: readonly number[],
    public requiresGrad: boolean,
  ) {}

  /** BUILD (a Parameter's or tensor subclass's `__setstate__`): only an empty state is accepted. */
  build(state: unknown): void {
    if (state === null || (Array.isArray(state) && state.length === 0)) return;
    if (typeof state === 'object' && 'map' in (state as object) && (state as { map: Map<unknown, unknown> }).map.size === 0) return;
    throw new TypeError('tensor attributes (BUILD state on a tensor) are not supported');
  }
}
