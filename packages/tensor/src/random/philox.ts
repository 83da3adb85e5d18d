// Random samples on devices other than the CPU: counter-based. The backend
// fills int32 words with Philox4x32-10 (its `randomBits` primitive) for the
// generator's key, from the generator's offset, and tensor ops on the device
// turn the words into samples; nothing is read back to the host.
// These streams are torchlet's own (PyTorch's CUDA kernels are not reproduced).

import type { DType } from '../backend/dtype.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import { cat } from '../join.js';
import { tidy } from '../scope.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import type { Generator } from './generator.js';

/** `n` fresh Philox words as an int32 tensor on `device`; advances the generator past the blocks used. */
function words(g: Generator, n: number, device: string): Tensor {
  const out = emptyTensor([n], 'int32', device);
  if (n > 0) out.storage.backend.randomBits(out.backendView, g.philoxKey, g.philoxOffset);
  g.philoxOffset += Math.ceil(n / 4);
  return out;
}

/** `n` uniforms in [0, 1) of a float dtype: 24 bits of one word (float32 and narrower) or 53 bits of two (float64). */
export function deviceUniform(g: Generator, n: number, dtype: DType, device: string): Tensor {
  if (dtype !== 'float64') return words(g, n, device).bitwiseAnd(0xffffff).float().mul(2 ** -24).to(dtype);
  const w = words(g, 2 * n, device).reshape(n, 2);
  const hi = w.at(':', 0).bitwiseAnd(0x1fffff).double();
  const lo = w.at(':', 1).double().remainder(2 ** 32); // the word as unsigned
  return hi.mul(2 ** 32).add(lo).mul(2 ** -53);
}

/** `n` standard normals: Box–Muller on pairs of uniforms (cos half first, then sin half). */
function deviceNormal(g: Generator, n: number, dtype: DType, device: string): Tensor {
  const m = Math.ceil(n / 2);
  const u = deviceUniform(g, 2 * m, dtype, device);
  const radius = u.narrow(0, 0, m).neg().add(1).log().mul(-2).sqrt();
  const theta = u.narrow(0, m, m).mul(2 * Math.PI);
  return cat([radius.mul(theta.cos()), radius.mul(theta.sin())]).narrow(0, 0, n);
}

/** Writes `values` (a flat tensor on x's device) into `x` in place, inside a memory scope for the temporaries. */
function fill(x: Tensor, make: () => Tensor): Tensor {
  tidy(() => {
    x.copy_(make().reshape(x.shape));
  });
  return x;
}

/** x.uniform_(from, to) on a counter-based device. */
export function uniformOnDevice(x: Tensor, from: number, to: number, g: Generator): Tensor {
  return fill(x, () => deviceUniform(g, x.numel(), x.dtype, x.device).mul(to - from).add(from));
}

/** x.normal_(mean, std) on a counter-based device. */
export function normalOnDevice(x: Tensor, mean: number, std: number, g: Generator): Tensor {
  return fill(x, () => deviceNormal(g, x.numel(), x.dtype, x.device).mul(std).add(mean));
}

/** x.exponential_(lambd) on a counter-based device: -log(1 - u) / lambd. */
export function exponentialOnDevice(x: Tensor, lambd: number, g: Generator): Tensor {
  return fill(x, () => deviceUniform(g, x.numel(), x.dtype, x.device).neg().add(1).log().div(-lambd));
}

/** x.bernoulli_(p) on a counter-based device: u < p, u a float32 (float64 for float64 p) uniform. */
export function bernoulliOnDevice(x: Tensor, p: number | Tensor, g: Generator): Tensor {
  const dtype = typeof p !== 'number' && p.dtype === 'float64' ? 'float64' : 'float32';
  return fill(x, () => {
    const u = deviceUniform(g, x.numel(), dtype, x.device).reshape(x.shape);
    return u.lt(p).to(x.dtype);
  });
}

/** x.random_(from, to) on a counter-based device, for ranges up to 2^31 (31 bits of one word, reduced). */
export function randomOnDevice(x: Tensor, from: bigint, to: bigint, g: Generator): Tensor {
  if (!(from < to)) throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`);
  const range = to - from;
  if (range > 2n ** 31n || from < -(2n ** 31n) || to > 2n ** 31n) {
    throw new NotImplementedError(`random_ with bounds beyond int32 on device '${x.device}'`);
  }
  return fill(x, () => words(g, x.numel(), x.device).bitwiseAnd(0x7fffffff).remainder(Number(range)).add(Number(from)).to(x.dtype));
}
