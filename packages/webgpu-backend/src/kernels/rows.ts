// Addressing shared by the row kernels (softmax, scan): the rows are every index
// of the dims other than `dim`; a row's elements are `dim`'s stride apart.

import { coalesce, numel, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer } from '../runtime.js';
import { Meta, offsetsCode, padRank } from './strided.js';

/** The parameter block of a row kernel and the WGSL that sets `px`/`po` (row starts), `n`, `sx`, `so`. */
export interface RowPlan {
  readonly rows: number;
  readonly n: number;
  readonly rank: number;
  readonly meta: Meta;
  /** WGSL statements for row number `row`. */
  readonly code: (row: string) => string;
}

/**
 * Plans the rows of `x` and `out` along `dim`.
 *
 * @example const p = planRows(x, 1, out); p.code('row')
 */
export function planRows(x: View<GpuBuffer>, dim: number, out: View<GpuBuffer>): RowPlan {
  const dims = x.shape.map((_, d) => d).filter((d) => d !== dim);
  const c = coalesce(dims.map((d) => x.shape[d]!), [dims.map((d) => x.strides[d]!), dims.map((d) => out.strides[d]!)]);
  const kept = padRank(c.shape, c.strides);
  const rows = numel(dims.map((d) => x.shape[d]!));
  const n = x.shape.length > 0 ? x.shape[dim]! : 1;
  const meta = new Meta();
  meta.push(rows, n, x.shape.length > 0 ? x.strides[dim]! : 0, out.shape.length > 0 ? out.strides[dim]! : 0);
  const shapeAt = meta.push(...kept.shape);
  const xBase = meta.push(x.offset, ...kept.strides[0]!);
  const oBase = meta.push(out.offset, ...kept.strides[1]!);
  const rank = kept.shape.length;
  const code = (row: string): string =>
    [
      '  let n = prm[1]; let sx = prm[2]; let so = prm[3];',
      offsetsCode(row, rank, shapeAt, [{ name: 'px', base: xBase }, { name: 'po', base: oBase }]),
    ].join('\n');
  return { rows, n, rank, meta, code };
}
