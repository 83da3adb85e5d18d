// gradcheck / gradgradcheck: analytical Jacobians (from backward) against central
// differences, in float64, with PyTorch's defaults.

import type { Tensor } from '@torchlet/tensor';
import { isTensor, RuntimeError, tensor, zeros } from '@torchlet/tensor';
import { grad } from './backward.js';
import { noGrad } from './gradMode.js';

/** Options of gradcheck (PyTorch's defaults: eps 1e-6, atol 1e-5, rtol 1e-3). */
export interface GradcheckOptions {
  eps?: number;
  atol?: number;
  rtol?: number;
  /** Throw on a mismatch (default) or return false. */
  raiseException?: boolean;
}

/** What gradcheck may be given as inputs: tensors (those requiring grad are checked) and other values. */
export type GradcheckInput = Tensor | number | boolean | string | null | undefined | readonly number[];

/** PyTorch's GradcheckError (a RuntimeError). */
export class GradcheckError extends RuntimeError {
  override name = 'GradcheckError';
}

/** The function under test; it receives the inputs as given. */
export type GradcheckFn = (...inputs: never[]) => Tensor | readonly Tensor[];
type Fn = (...inputs: GradcheckInput[]) => Tensor | readonly Tensor[];

const asList = (out: Tensor | readonly Tensor[]): readonly Tensor[] => (isTensor(out) ? [out] : out);

/** The multi-index of flat position `k` in `shape` (row-major). */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = k % shape[d]!;
    k = Math.floor(k / shape[d]!);
  }
  return idx;
}

/** Output values as float64 numbers in row-major order (non-float outputs are not differentiated). */
function flatValues(outs: readonly Tensor[]): number[][] {
  return outs.map((o) => Array.from(o.to('float64').contiguous().dataSync() as Float64Array));
}

/** Numerical Jacobian columns: d(out)/d(input[j]) by central differences, per input. */
function numericalJacobian(fn: Fn, inputs: GradcheckInput[], diff: number[], eps: number): number[][][][] {
  // result[i][o][k][j]: input i, output o, output element k, input element j
  return diff.map((i) => {
    const x = inputs[i] as Tensor;
    const cols: number[][][] = [];
    for (let j = 0; j < x.numel(); j++) {
      const idx = unravel(j, x.shape);
      const orig = x.at(...idx).itemSync() as number;
      // only the write is untracked: fn runs in the caller's grad mode (gradgradcheck's fn calls grad())
      const evalAt = (v: number) => {
        noGrad(() => x.setAt(idx, v));
        return flatValues(asList(fn(...inputs)));
      };
      const plus = evalAt(orig + eps);
      const minus = evalAt(orig - eps);
      noGrad(() => x.setAt(idx, orig));
      cols.push(plus.map((p, o) => p.map((v, k) => (v - minus[o]![k]!) / (2 * eps))));
    }
    // transpose to [o][k][j]
    const outs = cols[0]?.length ?? 0;
    return Array.from({ length: outs }, (_, o) =>
      Array.from({ length: cols[0]![o]!.length }, (_, k) => cols.map((c) => c[o]![k]!)),
    );
  });
}

/** Analytical Jacobian rows from backward with one-hot output gradients, per input. */
function analyticalJacobian(outs: readonly Tensor[], inputs: readonly Tensor[]): number[][][][] {
  const result = inputs.map(() => outs.map((o) => Array.from({ length: o.numel() }, () => new Array<number>(0))));
  outs.forEach((o, oi) => {
    for (let k = 0; k < o.numel(); k++) {
      let rows: (Tensor | null)[];
      if (!o.requiresGrad) rows = inputs.map(() => null);
      else {
        const onehot = zeros([...o.shape], { dtype: o.dtype });
        onehot.setAt(unravel(k, o.shape), 1);
        rows = grad([o], [...inputs], { gradOutputs: [onehot], retainGraph: true, allowUnused: true });
      }
      inputs.forEach((x, i) => {
        const g = rows[i];
        result[i]![oi]![k] = g ? Array.from(g.to('float64').contiguous().dataSync() as Float64Array) : new Array<number>(x.numel()).fill(0);
      });
    }
  });
  return result;
}

function fmtMatrix(m: number[][]): string {
  return String(tensor(m.length === 0 ? [] : m, { dtype: 'float64' }));
}

/**
 * `torch.autograd.gradcheck(fn, inputs, { eps, atol, rtol })`: compares the Jacobian backward
 * computes with finite differences for every input that requires grad (use float64). Returns
 * true, or throws a GradcheckError listing the mismatching entries.
 * @example torch.autograd.gradcheck((x) => x.exp(), [torch.rand([3], { dtype: 'float64', requiresGrad: true })]) // true
 */
export function gradcheck(userFn: GradcheckFn, inputs: GradcheckInput | readonly GradcheckInput[], opts?: GradcheckOptions): boolean {
  const ins: GradcheckInput[] = Array.isArray(inputs) ? [...(inputs as GradcheckInput[])] : [inputs as GradcheckInput];
  const fn = userFn as unknown as Fn;
  const eps = opts?.eps ?? 1e-6;
  const atol = opts?.atol ?? 1e-5;
  const rtol = opts?.rtol ?? 1e-3;
  const diff = ins.flatMap((x, i) => (isTensor(x) && x.requiresGrad ? [i] : []));
  if (diff.length === 0) {
    throw new RuntimeError('gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.');
  }
  for (const i of diff) {
    const x = ins[i] as Tensor;
    if (x.dtype !== 'float64') {
      console.warn(
        `UserWarning: Input #${i} requires gradient and is not a double precision floating point or complex. This check will likely fail if all the inputs are not of double precision floating point or complex.`,
      );
    }
    if (x.shape.some((s, d) => s > 1 && x.strides[d] === 0)) {
      throw new RuntimeError(
        `The ${i}th input has a dimension with stride 0. gradcheck only supports inputs that are non-overlapping to be able to compute the numerical gradients correctly. You should call .contiguous on the input before passing it to gradcheck.`,
      );
    }
  }
  const numerical = numericalJacobian(fn, ins, diff, eps);
  const outs = asList(fn(...ins)).filter((o) => o.isFloatingPoint());
  const analytical = analyticalJacobian(outs, diff.map((i) => ins[i] as Tensor));
  for (let di = 0; di < diff.length; di++) {
    for (let o = 0; o < outs.length; o++) {
      const n = numerical[di]![o]!;
      const a = analytical[di]![o]!;
      const bad: string[] = [];
      n.forEach((row, k) =>
        row.forEach((v, j) => {
          const av = a[k]![j]!;
          if (!(Math.abs(av - v) <= atol + rtol * Math.abs(v)) && !(Number.isNaN(av) && Number.isNaN(v))) {
            bad.push(`  [output element ${k}, input element ${j}]: numerical ${v}, analytical ${av}`);
          }
        }),
      );
      if (bad.length > 0) {
        if (opts?.raiseException === false) return false;
        // PyTorch prints the matrices input-major: rows are input elements
        const tr = (m: number[][]) => (m[0] ? m[0].map((_, j) => m.map((r) => r[j]!)) : []);
        throw new GradcheckError(
          `Jacobian mismatch for output ${o} with respect to input ${diff[di]},\nnumerical:${fmtMatrix(tr(n))}\nanalytical:${fmtMatrix(tr(a))}\nmismatching entries:\n${bad.join('\n')}\n`,
        );
      }
    }
  }
  return true;
}

/** A deterministic standard-normal-ish sample (gradgradcheck's random output gradients). */
function pseudoRandn(shape: readonly number[], seed: number): Tensor {
  let s = seed >>> 0 || 1;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const n = shape.reduce((a, b) => a * b, 1);
  const v = Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next()));
  return tensor(v, { dtype: 'float64' }).reshape([...shape]);
}

/**
 * `torch.autograd.gradgradcheck(fn, inputs, gradOutputs?, { eps, atol, rtol })`: gradcheck of the
 * gradient itself (backward run with createGraph), also with respect to the output gradients.
 * @example torch.autograd.gradgradcheck((x) => x.pow(3), [x]) // true
 */
export function gradgradcheck(
  userFn: GradcheckFn,
  inputs: GradcheckInput | readonly GradcheckInput[],
  gradOutputs?: readonly Tensor[] | null,
  opts?: GradcheckOptions,
): boolean {
  const ins: GradcheckInput[] = Array.isArray(inputs) ? [...(inputs as GradcheckInput[])] : [inputs as GradcheckInput];
  const fn = userFn as unknown as Fn;
  const diff = ins.flatMap((x, i) => (isTensor(x) && x.requiresGrad ? [i] : []));
  const outs = asList(fn(...ins)).filter((o) => o.isFloatingPoint());
  const gos =
    gradOutputs ??
    outs.map((o, k) => pseudoRandn(o.shape, 1234 + k).to(o.dtype).requiresGrad_());
  const nIn = ins.length;
  const gradFn = (...all: GradcheckInput[]): Tensor[] => {
    const xs = all.slice(0, nIn);
    const go = all.slice(nIn) as Tensor[];
    const ys = asList(fn(...xs)).filter((o) => o.isFloatingPoint());
    const keep = ys.flatMap((y, k) => (y.requiresGrad ? [k] : []));
    if (keep.length === 0) return diff.map((i) => zeros([...(xs[i] as Tensor).shape], { dtype: (xs[i] as Tensor).dtype }));
    const gs = grad(
      keep.map((k) => ys[k]!),
      diff.map((i) => xs[i] as Tensor),
      { gradOutputs: keep.map((k) => go[k]!), createGraph: true, allowUnused: true, materializeGrads: true },
    );
    return gs.map((g) => g!);
  };
  return gradcheck(gradFn, [...ins, ...gos], opts);
}
