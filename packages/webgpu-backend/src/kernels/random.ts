// backend.randomBits: Philox4x32-10 on the device, one thread per output word.
// WGSL has no 32×32→64 multiply, so the high word comes from 16-bit halves.

import { coalesce, numel, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, WG, bindings, elementHeader, offsetsCode, padRank } from './strided.js';

const PHILOX_WGSL = /* wgsl */ `
fn mulhi(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu; let ah = a >> 16u;
  let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl; let hh = ah * bh;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return hh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u);
}
fn philox(ctr: vec4<u32>, key: vec2<u32>) -> vec4<u32> {
  var c = ctr;
  var k = key;
  for (var r = 0; r < 10; r++) {
    let hi0 = mulhi(0xd2511f53u, c.x); let lo0 = 0xd2511f53u * c.x;
    let hi1 = mulhi(0xcd9e8d57u, c.z); let lo1 = 0xcd9e8d57u * c.z;
    c = vec4<u32>(hi1 ^ c.y ^ k.x, lo1, hi0 ^ c.w ^ k.y, lo0);
    k = k + vec2<u32>(0x9e3779b9u, 0xbb67ae85u);
  }
  return c;
}`;

/**
 * Fills the int32 view `out` (row-major) with the words of blocks `counter`, `counter + 1`, … under `key`.
 *
 * @example randomBits(rt, out, [seedLo, seedHi], offset);
 */
export function randomBits(rt: Runtime, out: View<GpuBuffer>, key: readonly [number, number], counter: number): void {
  const n = numel(out.shape);
  if (n === 0) return;
  const c = coalesce(out.shape, [out.strides]);
  const { shape, strides } = padRank(c.shape, c.strides);
  const rank = shape.length;
  const meta = new Meta();
  meta.push(n, key[0], key[1], counter % 2 ** 32, Math.floor(counter / 2 ** 32));
  const shapeAt = meta.push(...shape);
  const oBase = meta.push(out.offset, ...strides[0]!);
  const source = (): string => [
    PHILOX_WGSL,
    bindings('i32', []),
    elementHeader(0),
    offsetsCode('i', rank, shapeAt, [{ name: 'po', base: oBase }]),
    '  let blk = i >> 2u;',
    '  let lo = prm[3] + blk;',
    '  let hi = prm[4] + select(0u, 1u, lo < blk);',
    '  let w = philox(vec4<u32>(lo, hi, 0u, 0u), vec2<u32>(prm[1], prm[2]));',
    '  out[po] = bitcast<i32>(w[i & 3u]);',
    '}',
  ].join('\n');
  rt.dispatch({ key: `randomBits|r${rank}`, source, out: out.buf.gpu, inputs: [], meta: meta.words, groups: Math.ceil(n / WG) });
}
