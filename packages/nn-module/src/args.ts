// The TypeScript form of PyTorch's call convention for layers and nn.F: positional arguments in
// PyTorch's order, then optionally one options object (the binder resolves both at run time).

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { empty } from '@torchlet/tensor';

/**
 * Any prefix of the positional parameters `P`, optionally followed by one options object `O`.
 * @example type A = Args<[p: number, training: boolean], { p?: number; training?: boolean }>; // [] | [O] | [number] | [number, O] | …
 */
export type Args<P extends readonly unknown[], O> = P extends readonly [infer H, ...infer R] ? [options?: O] | [H | undefined, ...Args<R, O>] : [options?: O];

/** PyTorch's `factory_kwargs`: where and in which dtype a layer makes its parameters. */
export interface FactoryOptions {
  device?: Device | null;
  dtype?: DType | null;
}

/**
 * `torch.empty(shape, **factory_kwargs)`: the storage of a new parameter or buffer.
 * @example factoryEmpty([3, 4], { device: null, dtype: null }) // float32 on the default device
 */
export function factoryEmpty(shape: readonly number[], f: FactoryOptions, dtype?: DType): Tensor {
  const opts: { device?: Device; dtype?: DType } = {};
  if (f.device !== null && f.device !== undefined) opts.device = f.device;
  const d = dtype ?? f.dtype;
  if (d !== null && d !== undefined) opts.dtype = d;
  return empty([...shape], opts);
}
