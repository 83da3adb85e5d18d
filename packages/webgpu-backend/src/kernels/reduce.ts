// backend.reduce: one workgroup per output element; its threads stride over the
// reduced elements, then combine their partial results in a shared-memory tree.
// argmax/argmin carry (value, index) pairs: NaN wins, then the extreme value,
// then the lower index, so the result is the first extreme as PyTorch returns it.

import { coalesce, numel, type DType, type ReduceOp, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { arithOf } from './arith.js';
import { Meta, bindings, offsetsCode, padRank } from './strided.js';
import { SUBGROUP_BUILTINS, combineCode, subgroupOp } from './workgroupCombine.js';
import { convert, elemOf, isNarrow } from './wgslTypes.js';

const RWG = 64;

interface Plan {
  /** dtype of the accumulator (int8/uint8 accumulate in i32 and wrap when stored). */
  acc: DType;
  identity: string;
  combine: (a: string, b: string) => string;
  /** converts a loaded element (of x's dtype) to the accumulator. */
  load: (v: string) => string;
}

function plan(op: ReduceOp, x: DType, out: DType): Plan {
  switch (op) {
    case 'sum':
    case 'prod': {
      const a = arithOf(out);
      const sum = op === 'sum';
      return { acc: out, identity: sum ? a.zero : a.one, combine: sum ? a.add : a.mul, load: (v) => convert(v, x, out) };
    }
    case 'max':
    case 'min': {
      const a = arithOf(x);
      const max = op === 'max';
      return { acc: x, identity: max ? a.lowest : a.highest, combine: max ? a.max : a.min, load: (v) => v };
    }
    case 'all':
    case 'any': {
      const a = arithOf('bool');
      const all = op === 'all';
      return { acc: 'bool', identity: all ? a.one : a.zero, combine: all ? a.mul : a.add, load: (v) => convert(v, x, 'bool') };
    }
    default:
      throw new Error(`reduce plan: ${op} is an arg reduction`);
  }
}

/** WGSL deciding whether pair (va, ia) beats (vb, ib) for argmax (`greater`) or argmin. */
function argBetter(dtype: DType, greater: boolean): string {
  const elem = elemOf(dtype);
  const a = arithOf(dtype);
  const nan = elem === 'f32';
  return /* wgsl */ `
fn better(va: ${elem}, ia: u32, vb: ${elem}, ib: u32) -> bool {
  if (ib == 0xffffffffu) { return ia != 0xffffffffu; }
  if (ia == 0xffffffffu) { return false; }
  ${nan ? `let na = is_nan(va); let nb = is_nan(vb);
  if (na || nb) { return na && (!nb || ia < ib); }` : ''}
  if (${greater ? a.lt('vb', 'va') : a.lt('va', 'vb')}) { return true; }
  return ${a.eq('va', 'vb')} && ia < ib;
}`;
}

/** How the reduced elements of one output are spread over threads. */
type Mode =
  | { kind: 'thread' } // one thread per output (small groups)
  | { kind: 'group' } // one workgroup per output, a shared-memory tree
  | { kind: 'split'; parts: number; chunk: number }; // several workgroups per output, into partials

function modeOf(op: ReduceOp, nOut: number, nRed: number): Mode {
  if (nRed <= 32) return { kind: 'thread' };
  if (op !== 'argmax' && op !== 'argmin' && nRed > 8192 && nOut < 256) {
    const parts = Math.min(256, Math.ceil(nRed / 4096));
    return { kind: 'split', parts, chunk: Math.ceil(nRed / parts) };
  }
  return { kind: 'group' };
}

/**
 * Reduces `x` over `dims` into `out` (x's rank, reduced dims of size 1).
 *
 * @example reduce(rt, 'argmax', x, [1], out); // out: int64
 */
export function reduce(rt: Runtime, op: ReduceOp, x: View<GpuBuffer>, dims: readonly number[], out: View<GpuBuffer>): void {
  const nOut = numel(out.shape);
  if (nOut === 0) return;
  const isRed = (d: number): boolean => dims.includes(d);
  const keptDims = x.shape.map((_, d) => d).filter((d) => !isRed(d));
  const redDims = x.shape.map((_, d) => d).filter(isRed);
  const k = coalesce(keptDims.map((d) => x.shape[d]!), [keptDims.map((d) => x.strides[d]!), keptDims.map((d) => out.strides[d]!)]);
  const r = coalesce(redDims.map((d) => x.shape[d]!), [redDims.map((d) => x.strides[d]!)]);
  const kept = padRank(k.shape, k.strides);
  const red = padRank(r.shape, r.strides);
  const nRed = numel(redDims.map((d) => x.shape[d]!));
  const mode = modeOf(op, nOut, nRed);
  if (mode.kind === 'split') {
    // pass 1: partials[o, p] over chunk p of each group; pass 2: reduce the partials
    const p = plan(op, x.dtype, out.dtype);
    const scratch = rt.alloc(p.acc, nOut * mode.parts);
    try {
      const partials: View<GpuBuffer> = { buf: scratch, dtype: p.acc, shape: [nOut, mode.parts], strides: [mode.parts, 1], offset: 0 };
      encode(rt, op, x, out, kept, red, nRed, mode, partials);
      const rk = kept.shape.length;
      // partials combine with the same op: sums of sums, maxima of maxima, all of all…
      reduce(
        rt, op,
        { ...partials, shape: [...kept.shape, mode.parts], strides: [...contiguous(kept.shape).map((st) => st * mode.parts), 1] },
        [rk],
        { ...out, shape: [...kept.shape, 1], strides: [...kept.strides[1]!, 0] },
      );
    } finally {
      rt.free(scratch);
    }
    return;
  }
  encode(rt, op, x, out, kept, red, nRed, mode);
}

function contiguous(shape: readonly number[]): number[] {
  const strides: number[] = [];
  for (let d = shape.length - 1, st = 1; d >= 0; d--) {
    strides[d] = st;
    st *= shape[d]!;
  }
  return strides;
}

type Coalesced = { shape: number[]; strides: number[][] };

function encode(
  rt: Runtime, op: ReduceOp, x: View<GpuBuffer>, out: View<GpuBuffer>, kept: Coalesced, red: Coalesced, nRed: number, mode: Mode,
  partials?: View<GpuBuffer>,
): void {
  const nOut = numel(kept.shape);
  const rk = kept.shape.length;
  const rr = red.shape.length;
  const meta = new Meta();
  const parts = mode.kind === 'split' ? mode.parts : 1;
  meta.push(nOut, nRed, parts, mode.kind === 'split' ? mode.chunk : nRed);
  const keptAt = meta.push(...kept.shape);
  const xBase = meta.push(x.offset, ...kept.strides[0]!);
  const oBase = meta.push(out.offset, ...kept.strides[1]!);
  const redAt = meta.push(...red.shape);
  const rBase = meta.push(0, ...red.strides[0]!);

  const arg = op === 'argmax' || op === 'argmin';
  const ex = elemOf(x.dtype);
  const target = partials ?? out;
  const thread = mode.kind === 'thread';
  const step = thread ? 1 : RWG;
  const p0 = arg ? undefined : plan(op, x.dtype, out.dtype);
  const sg = !thread && p0 !== undefined && rt.subgroups ? subgroupOp(op, p0.acc) : {};
  const useSubgroups = sg.subgroup !== undefined;
  const key = `reduce:${op}:${x.dtype}:${target.dtype}|${mode.kind}|k${rk}|r${rr}${useSubgroups ? '|sg' : ''}`;
  const source = (): string => {
    const head = [useSubgroups ? 'enable subgroups;\ndiagnostic(off, subgroup_uniformity);' : '', bindings(elemOf(target.dtype), [ex])];
    const offsets = offsetsCode('o', rk, keptAt, [{ name: 'px', base: xBase }, { name: 'po', base: oBase }]);
    const redOffset = offsetsCode('j', rr, redAt, [{ name: 'q', base: rBase }]);
    // which output this thread or workgroup works on, and its range of reduced elements
    const entry = thread
      ? `
@compute @workgroup_size(${RWG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let o = (wid.y * nwg.x + wid.x) * ${RWG}u + lid;
  if (o >= prm[0]) { return; }
  let first = 0u;
  let end = prm[1];
${offsets}`
      : `
@compute @workgroup_size(${RWG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${useSubgroups ? SUBGROUP_BUILTINS : ''}) {
  let g = wid.y * nwg.x + wid.x;
  let o = g / prm[2];
  let part = g % prm[2];
  if (o >= prm[0]) { return; }
  let first = part * prm[3] + lid;
  let end = min(prm[1], (part + 1u) * prm[3]);
${offsets}`;
    // a narrow accumulator holds an unwrapped i32: it is cast as an int32 (wrapping) when stored
    const accDtype = arg ? 'int32' : plan(op, x.dtype, out.dtype).acc;
    const store = (value: string): string =>
      partials ? `out[o * prm[2] + part] = ${value};` : `out[po] = ${convert(value, isNarrow(accDtype) ? 'int32' : accDtype, out.dtype)};`;
    const tree = (combine: string): string =>
      thread
        ? ''
        : `
  workgroupBarrier();
  for (var s: u32 = ${RWG / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) { ${combine} }
    workgroupBarrier();
  }`;
    if (arg) {
      const shared = thread ? [] : [`var<workgroup> sv: array<${ex}, ${RWG}>;`, `var<workgroup> si: array<u32, ${RWG}>;`];
      return [...head, argBetter(x.dtype, op === 'argmax'), ...shared, entry, `
  var bv: ${ex} = in0[0];
  var bi: u32 = 0xffffffffu;
  for (var j: u32 = first; j < end; j += ${step}u) {
${redOffset}
    let v = in0[px + q];
    if (better(v, j, bv, bi)) { bv = v; bi = j; }
  }`, thread ? '' : '  sv[lid] = bv; si[lid] = bi;', tree('if (better(sv[lid + s], si[lid + s], sv[lid], si[lid])) { sv[lid] = sv[lid + s]; si[lid] = si[lid + s]; }'),
      thread ? `  ${store('i32(bi)')}` : `  if (lid == 0u) { ${store('i32(si[0])')} }`, '}'].join('\n');
    }
    const p = p0!;
    const ea = elemOf(p.acc);
    const shared = thread ? [] : [`var<workgroup> sv: array<${ea}, ${RWG}>;`];
    return [...head, ...shared, entry, `
  var acc: ${ea} = ${p.identity};
  for (var j: u32 = first; j < end; j += ${step}u) {
${redOffset}
    acc = ${p.combine('acc', p.load('in0[px + q]'))};
  }`, thread ? '' : combineCode('acc', { fn: p.combine, ...sg }, RWG, useSubgroups),
    thread ? `  ${store('acc')}` : `  if (lid == 0u) { ${store('sv[0]')} }`, '}'].join('\n');
  };
  const groups = thread ? Math.ceil(nOut / RWG) : nOut * parts;
  rt.dispatch({ key, source, out: target.buf.gpu, inputs: [x.buf.gpu], meta: meta.words, groups });
}
