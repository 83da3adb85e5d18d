// PyTorch's vectorised Box–Muller fill, used by normal_ on contiguous tensors
// of 16 or more elements: every element first gets a uniform, then each block
// of 16 turns (u[j], u[j+8]) into the pair (cos, sin) at j and j + 8. A ragged
// tail is redone on the last 16 elements with 16 fresh uniforms.

import { fma, fmaf } from './fma.js';
import { logAvx, sincosAvx, sincosOut } from './avxMath.js';
import type { Generator } from './generator.js';
import { uniformDouble, uniformFloat } from './distributions.js';

const f = Math.fround;
const TWO_PI_F = f(2 * Math.PI);

/** Fills `data` (length ≥ 16) with normals as PyTorch's AVX2 float32 kernel does. */
export function normalFillFloat32(data: Float32Array, mean: number, std: number, g: Generator): void {
  const n = data.length;
  for (let i = 0; i < n; i++) data[i] = uniformFloat(g, 0, 1, 24);
  const m = f(mean);
  const s = f(std);
  for (let i = 0; i + 16 <= n; i += 16) block32(data, i, m, s);
  if (n % 16 !== 0) {
    for (let i = n - 16; i < n; i++) data[i] = uniformFloat(g, 0, 1, 24);
    block32(data, n - 16, m, s);
  }
}

function block32(data: Float32Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const u1 = f(1 - data[j]!);
    const radius = f(Math.sqrt(f(-2 * logAvx(u1))));
    sincosAvx(f(TWO_PI_F * data[j + 8]!));
    const n1 = f(radius * sincosOut.cos);
    const n2 = f(radius * sincosOut.sin);
    data[j] = std === 1 && mean === 0 ? n1 : fmaf(n1, std, mean);
    data[j + 8] = std === 1 && mean === 0 ? n2 : fmaf(n2, std, mean);
  }
}

/** Fills `data` (length ≥ 16) with normals as PyTorch's scalar float64 kernel (normal_fill<double>) does. */
export function normalFillFloat64(data: Float64Array, mean: number, std: number, g: Generator): void {
  const n = data.length;
  for (let i = 0; i < n; i++) data[i] = uniformDouble(g, 0, 1);
  for (let i = 0; i + 16 <= n; i += 16) block64(data, i, mean, std);
  if (n % 16 !== 0) {
    for (let i = n - 16; i < n; i++) data[i] = uniformDouble(g, 0, 1);
    block64(data, n - 16, mean, std);
  }
}

function block64(data: Float64Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const u1 = 1 - data[j]!;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * data[j + 8]!;
    data[j] = fma(radius * Math.cos(theta), std, mean);
    data[j + 8] = fma(radius * Math.sin(theta), std, mean);
  }
}
