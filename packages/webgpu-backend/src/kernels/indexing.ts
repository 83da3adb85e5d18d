// backend.gather and backend.scatterAdd, one thread per index element; indices
// are int64 (as PyTorch's) or int32 views. scatterAdd accumulates with atomics:
// integer atomicAdd (int64 as two word adds, the carry of the low one added to
// the high one, which sums exactly in any order; int8/uint8 wrapped afterwards),
// a compare-and-swap loop on the bits for float32, atomicOr for bool (bool
// addition is or). Indices are checked on the device: one out of range sets a
// fault word that the next read or sync reports.

import { RuntimeError, numel, type DType, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { runElementwise } from './elementwise.js';
import { Meta, WG, bindings, elementHeader, offsetsCode, padRank } from './strided.js';
import { I64, convert, elemOf, isNarrow, wrap } from './wgslTypes.js';

function checkIndex(op: string, index: View<GpuBuffer>): void {
  if (index.dtype !== 'int64' && index.dtype !== 'int32') {
    throw new RuntimeError(`${op}(): Expected dtype int64 for index, got ${index.dtype}`);
  }
}

/** The fault word of device-side checks, bound after `inputs` inputs. */
function faultBinding(inputs: number): string {
  return `@group(0) @binding(${inputs + 2}) var<storage, read_write> fault: array<atomic<u32>>;`;
}

/** WGSL reading the index at `at` into `k: u32`; an index outside [0, prm[2]) sets the fault word and skips the element. */
function indexCheck(at: string, dtype: DType): string {
  const bad = dtype === 'int64' ? 'ki.y != 0u || ki.x >= prm[2]' : 'ki < 0i || u32(ki) >= prm[2]';
  return `  let ki = ${at};\n  if (${bad}) { atomicOr(&fault[0], 1u); return; }\n  let k = ${dtype === 'int64' ? 'ki.x' : 'u32(ki)'};`;
}

/** Strides of `v` with the one along `dim` zeroed (that coordinate comes from the index). */
function without(v: View, dim: number): number[] {
  return v.strides.map((s, d) => (d === dim ? 0 : s));
}

/**
 * `out[...i, j, k...] = x[...i, index[...i, j, k...], k...]` along `dim`.
 *
 * @example gather(rt, x, 1, index, out); // index: int64
 */
export function gather(rt: Runtime, x: View<GpuBuffer>, dim: number, index: View<GpuBuffer>, out: View<GpuBuffer>): void {
  checkIndex('gather', index);
  const n = numel(index.shape);
  if (n === 0) return;
  const rank0 = index.shape.length === 0;
  const p = padRank(index.shape, [index.strides, out.strides, without(x, dim)]);
  const r = p.shape.length;
  const meta = new Meta();
  meta.push(n, rank0 ? 0 : x.strides[dim]!, rank0 ? 1 : x.shape[dim]!);
  const shapeAt = meta.push(...p.shape);
  const iBase = meta.push(index.offset, ...p.strides[0]!);
  const oBase = meta.push(out.offset, ...p.strides[1]!);
  const xBase = meta.push(x.offset, ...p.strides[2]!);
  const e = elemOf(x.dtype);
  const bound = [x.buf.gpu, index.buf.gpu];
  const key = `gather:${x.dtype}:${out.dtype}:${index.dtype}|r${r}`;
  const source = (): string => [
    bindings(elemOf(out.dtype), [e, elemOf(index.dtype)]),
    faultBinding(2),
    elementHeader(0),
    offsetsCode('i', r, shapeAt, [{ name: 'pi', base: iBase }, { name: 'po', base: oBase }, { name: 'px', base: xBase }]),
    indexCheck('in1[pi]', index.dtype),
    `  let at = px + k * prm[1];`,
    `  out[po] = ${convert('in0[at]', x.dtype, out.dtype)};`,
    '}',
  ].join('\n');
  const check = (): string => `gather(${x.dtype}[${x.shape.join(', ')}], dim ${dim}, index ${index.dtype}[${index.shape.join(', ')}])`;
  rt.dispatch({ key, source, out: out.buf.gpu, inputs: bound, meta: meta.words, groups: Math.ceil(n / WG), check });
}

/**
 * `out[...i, index[...i, j, k...], k...] += src[...i, j, k...]` along `dim`.
 *
 * @example scatterAdd(rt, out, 0, index, src);
 */
export function scatterAdd(rt: Runtime, out: View<GpuBuffer>, dim: number, index: View<GpuBuffer>, src: View<GpuBuffer>): void {
  checkIndex('scatter_add', index);
  const n = numel(index.shape);
  if (n === 0) return;
  const rank0 = index.shape.length === 0;
  const p = padRank(index.shape, [index.strides, src.strides.slice(0, index.shape.length), without(out, dim)]);
  const r = p.shape.length;
  const meta = new Meta();
  meta.push(n, rank0 ? 0 : out.strides[dim]!, rank0 ? 1 : out.shape[dim]!);
  const shapeAt = meta.push(...p.shape);
  const iBase = meta.push(index.offset, ...p.strides[0]!);
  const sBase = meta.push(src.offset, ...p.strides[1]!);
  const oBase = meta.push(out.offset, ...p.strides[2]!);
  const e = elemOf(out.dtype);
  const atomicElem = e === 'i32' ? 'i32' : 'u32';
  const key = `scatterAdd:${src.dtype}:${out.dtype}:${index.dtype}|r${r}`;
  const v = convert('in1[ps]', src.dtype, out.dtype);
  const update =
    e === 'f32'
      ? `  loop {
    let old = atomicLoad(&out[t]);
    let sum = bitcast<u32>(bitcast<f32>(old) + v);
    if (atomicCompareExchangeWeak(&out[t], old, sum).exchanged) { break; }
  }`
      : e === I64
        ? `  let low = atomicAdd(&out[2u * t], v.x);
  atomicAdd(&out[2u * t + 1u], v.y + select(0u, 1u, low + v.x < low));`
        : e === 'i32'
          ? '  atomicAdd(&out[t], v);'
          : '  atomicOr(&out[t], v);';
  const source = (): string => [
    bindings(atomicElem, [elemOf(index.dtype), elemOf(src.dtype)], true),
    faultBinding(2),
    elementHeader(0),
    offsetsCode('i', r, shapeAt, [{ name: 'pi', base: iBase }, { name: 'ps', base: sBase }, { name: 'po', base: oBase }]),
    indexCheck('in0[pi]', index.dtype),
    `  let t = po + k * prm[1];`,
    `  let v = ${v};`,
    update,
    '}',
  ].join('\n');
  const check = (): string => `scatter_add(${out.dtype}[${out.shape.join(', ')}], dim ${dim}, index ${index.dtype}[${index.shape.join(', ')}])`;
  rt.dispatch({ key, source, out: out.buf.gpu, inputs: [index.buf.gpu, src.buf.gpu], meta: meta.words, groups: Math.ceil(n / WG), check });
  // the i32 sums of int8/uint8 may leave their range: wrap them back in place
  if (isNarrow(out.dtype)) runElementwise(rt, { name: `wrap:${out.dtype}`, inputs: [{ view: out }], out, body: ([x]) => wrap(x!, out.dtype) });
}
