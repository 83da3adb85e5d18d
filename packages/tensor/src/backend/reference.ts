// Reference decompositions of the optional fast paths into primitives. They are
// the fallback when a backend lacks a fast path, and the oracle that
// backend-conformance compares a backend's fast path against.

import { numel } from './layout.js';
import { broadcastAlong, narrowView, scratch } from './scratch.js';
import type { AvgPool2dParams, Backend, BackendBuffer, Conv2dParams, FastPaths, Pool2dParams, View } from './types.js';
import type { ScanOp } from './ops.js';
import { sort } from './referenceSort.js';
import { nonzeroReference, scatterReduceReference } from './indexingReference.js';
import { convolution, convolutionInputGrad, convolutionWeightGrad } from './convReference.js';
import { avgPool, maxPool } from './poolReference.js';

/** softmax = exp(x - max) / sum(exp(x - max)); log-softmax = (x - max) - log(sum(exp(x - max))). */
function softmax<B extends BackendBuffer>(backend: Backend<B>, x: View<B>, dim: number, out: View<B>, log: boolean): void {
  const keptShape = x.shape.map((s, i) => (i === dim ? 1 : s));
  const size = x.shape[dim]!;
  const m = scratch(backend, x.dtype, keptShape);
  const shifted = scratch(backend, x.dtype, x.shape);
  const e = scratch(backend, x.dtype, x.shape);
  const s = scratch(backend, x.dtype, keptShape);
  try {
    if (numel(x.shape) === 0) return;
    backend.reduce('max', x, [dim], m);
    backend.binary('sub', x, broadcastAlong(m, dim, size), shifted, x.dtype);
    backend.unary('exp', shifted, e);
    backend.reduce('sum', e, [dim], s);
    if (log) {
      backend.unary('log', s, s);
      backend.binary('sub', shifted, broadcastAlong(s, dim, size), out, x.dtype);
    } else {
      backend.binary('div', e, broadcastAlong(s, dim, size), out, x.dtype);
    }
  } finally {
    for (const v of [m, shifted, e, s]) backend.free(v.buf);
  }
}

/** Hillis–Steele inclusive scan: log2(n) rounds of `cur[i] = op(cur[i], cur[i - shift])`. */
function scan<B extends BackendBuffer>(backend: Backend<B>, op: ScanOp, x: View<B>, dim: number, out: View<B>): void {
  const n = x.shape[dim]!;
  const binop = op === 'sum' ? 'add' : op === 'prod' ? 'mul' : op === 'max' ? 'maximum' : 'minimum';
  let cur = scratch(backend, out.dtype, x.shape);
  let next = scratch(backend, out.dtype, x.shape);
  try {
    backend.copy(x, cur);
    for (let shift = 1; shift < n; shift *= 2) {
      backend.copy(narrowView(cur, dim, 0, shift), narrowView(next, dim, 0, shift));
      backend.binary(binop, narrowView(cur, dim, shift, n - shift), narrowView(cur, dim, 0, n - shift), narrowView(next, dim, shift, n - shift), out.dtype);
      [cur, next] = [next, cur];
    }
    backend.copy(cur, out);
  } finally {
    backend.free(cur.buf);
    backend.free(next.buf);
  }
}

/** The reference decomposition of every optional fast path, over a backend's primitives. */
export const reference: { [K in keyof Required<FastPaths>]: <B extends BackendBuffer>(backend: Backend<B>, ...args: Parameters<Required<FastPaths<B>>[K]>) => void } = {
  softmax,
  scan,
  sort,
  scatterReduce: scatterReduceReference,
  // the prefix sum runs on the backend's scan fast path when it has one
  nonzero: (backend, x, out) =>
    nonzeroReference(backend, x, out, (b, op, v, d, o) => (b.supports.scan ? b.supports.scan(op, v, d, o) : scan(b, op, v, d, o))),
  conv2d: <B extends BackendBuffer>(backend: Backend<B>, x: View<B>, w: View<B>, bias: View<B> | undefined, out: View<B>, p: Conv2dParams) =>
    convolution(backend, x, w, bias, out, p),
  conv2dInputGrad: <B extends BackendBuffer>(backend: Backend<B>, gradOut: View<B>, w: View<B>, gradIn: View<B>, p: Conv2dParams) =>
    convolutionInputGrad(backend, gradOut, w, gradIn, p),
  conv2dWeightGrad: <B extends BackendBuffer>(backend: Backend<B>, x: View<B>, gradOut: View<B>, gradW: View<B>, p: Conv2dParams) =>
    convolutionWeightGrad(backend, x, gradOut, gradW, p),
  maxPool2d: <B extends BackendBuffer>(backend: Backend<B>, x: View<B>, out: View<B>, indices: View<B>, p: Pool2dParams) =>
    maxPool(backend, x, out, indices, p),
  avgPool2d: <B extends BackendBuffer>(backend: Backend<B>, x: View<B>, out: View<B>, p: AvgPool2dParams) => avgPool(backend, x, out, p),
};
