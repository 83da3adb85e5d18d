// One generator for every elementwise kernel (unary, binary, where, copy/cast,
// fill): an op is described by its operands and a WGSL expression over their
// loaded values; the generator adds the strided addressing (shapes and strides
// in the parameter block, dims coalesced first) and caches one pipeline per
// op, dtypes, rank and buffer-aliasing pattern.

import { coalesce, numel, type DType, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, WG, bindings, elementHeader, offsetsCode, padRank } from './strided.js';
import { elemOf, scalarLoad } from './wgslTypes.js';

/** An operand: a view read per element, or a scalar (its u32 words in the parameter block, two for int64). */
export type EwInput = { readonly view: View<GpuBuffer> } | { readonly scalarWords: readonly number[]; readonly dtype: DType };

/** An elementwise op. */
export interface EwSpec {
  /** Identifies the op and its dtypes in the pipeline cache (`body` must depend on nothing else). */
  readonly name: string;
  readonly inputs: readonly EwInput[];
  readonly out: View<GpuBuffer>;
  /** A WGSL expression of `out`'s element type, given the WGSL names of the loaded inputs. */
  readonly body: (values: readonly string[]) => string;
}

/**
 * The dtype of an operand.
 *
 * @example dtypeOf({ scalarWords: [0], dtype: 'bool' }) // 'bool'
 */
export function dtypeOf(x: EwInput): DType {
  return 'view' in x ? x.view.dtype : x.dtype;
}

/**
 * Encodes the op over every element of `spec.out`.
 *
 * @example runElementwise(rt, { name: 'neg:f32', inputs: [{ view: x }], out, body: ([v]) => `-${v}` });
 */
export function runElementwise(rt: Runtime, spec: EwSpec): void {
  const { out } = spec;
  const n = numel(out.shape);
  if (n === 0) return;
  const views = spec.inputs.flatMap((x) => ('view' in x ? [x.view] : []));
  const c = coalesce(out.shape, [out.strides, ...views.map((v) => v.strides)]);
  const { shape, strides } = padRank(c.shape, c.strides);
  const rank = shape.length;
  // each distinct buffer is bound once; a view of the output buffer reads through `out`
  const bound: GPUBuffer[] = [];
  const boundElems: string[] = [];
  const slotOf = (v: View<GpuBuffer>): number => {
    if (v.buf.gpu === out.buf.gpu) return -1;
    let k = bound.indexOf(v.buf.gpu);
    if (k < 0) {
      k = bound.push(v.buf.gpu) - 1;
      boundElems.push(elemOf(v.dtype));
    }
    return k;
  };
  const slots = views.map(slotOf);

  const meta = new Meta();
  meta.push(n);
  const shapeAt = meta.push(...shape);
  const outBase = meta.push(out.offset, ...strides[0]!);
  const viewBases = views.map((v, k) => meta.push(v.offset, ...strides[k + 1]!));
  const scalarAt: number[] = [];
  for (const x of spec.inputs) if (!('view' in x)) scalarAt.push(meta.push(...x.scalarWords));

  const sig = spec.inputs.map((x) => ('view' in x ? `v${elemOf(x.view.dtype)}` : `s${elemOf(x.dtype)}`)).join(',');
  const key = `ew:${spec.name}|${elemOf(out.dtype)}|r${rank}|${sig}|${slots.join(',')}|${boundElems.join(',')}`;

  const source = (): string => {
    const values: string[] = [];
    const loads: string[] = [];
    let v = 0;
    let s = 0;
    spec.inputs.forEach((x, k) => {
      const name = `x${k}`;
      values.push(name);
      if ('view' in x) {
        const slot = slots[v]!;
        loads.push(`  let ${name} = ${slot < 0 ? 'out' : `in${slot}`}[p${v}];`);
        v++;
      } else {
        loads.push(`  let ${name} = ${scalarLoad(scalarAt[s++]!, x.dtype)};`);
      }
    });
    const offsets = offsetsCode('i', rank, shapeAt, [{ name: 'po', base: outBase }, ...viewBases.map((b, k) => ({ name: `p${k}`, base: b }))]);
    return [
        bindings(elemOf(out.dtype), boundElems),
      elementHeader(0),
      offsets,
      ...loads,
      `  out[po] = ${spec.body(values)};`,
      '}',
    ].join('\n');
  };
  rt.dispatch({ key, source, out: out.buf.gpu, inputs: bound, meta: meta.words, groups: Math.ceil(n / WG) });
}
