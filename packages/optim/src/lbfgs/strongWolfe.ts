// The strong-Wolfe line search of PyTorch's LBFGS (torch/optim/lbfgs.py: _cubic_interpolate,
// _strong_wolfe), step for step. It is a generator: each `yield` hands a tensor to the
// driver, which reads its value on the host and sends it back (synchronously or not).

import type { Tensor } from '@torchlet/tensor';
import type { PyNum } from './pyScalar.js';
import { TensorScalar, abs, add, div, ge, gt, le, lt, mul, pyMax, pyMin, sqrt, sub } from './pyScalar.js';

/** A generator that yields tensors to read and receives their values. */
export type Reads<T> = Generator<Tensor, T, number>;

/** Evaluates the loss and flat gradient at `x + t d` (then restores `x`). */
export type DirectionalEvaluate = (x: Tensor[], t: PyNum, d: Tensor) => Reads<[loss: number, flatGrad: Tensor]>;

/**
 * The minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to `bounds`.
 * @example cubicInterpolate(0, 1, -1, 1, 0.5, 0.2)
 */
export function cubicInterpolate(x1: PyNum, f1: number, g1: PyNum, x2: PyNum, f2: number, g2: PyNum, bounds?: [PyNum, PyNum]): PyNum {
  const [lo, hi] = bounds ?? (le(x1, x2) ? [x1, x2] : [x2, x1]);
  const d1 = sub(add(g1, g2), div(3 * (f1 - f2), sub(x1, x2)));
  const d2Square = sub(mul(d1, d1), mul(g1, g2));
  if (!ge(d2Square, 0)) return div(add(lo, hi), 2);
  const d2 = sqrt(d2Square);
  const minPos = le(x1, x2)
    ? sub(x2, mul(sub(x2, x1), div(sub(add(g2, d2), d1), add(sub(g2, g1), mul(2, d2)))))
    : sub(x1, mul(sub(x1, x2), div(sub(add(g1, d2), d1), add(sub(g1, g2), mul(2, d2)))));
  return pyMin(pyMax(minPos, lo), hi);
}

/** What the line search found: the loss and flat gradient at the accepted step `t`. */
export interface LineSearchResult {
  loss: number;
  flatGrad: Tensor;
  t: PyNum;
  evals: number;
}

/**
 * PyTorch's `_strong_wolfe` line search along `d` from `x` (loss `f`, gradient `g`, slope `gtd`).
 * @example const r = yield* strongWolfe(evaluate, x0, t, d, loss, flatGrad, gtd);
 */
export function* strongWolfe(
  evaluate: DirectionalEvaluate,
  x: Tensor[],
  t0: PyNum,
  d: Tensor,
  f: number,
  g0: Tensor,
  gtd: PyNum,
  c1 = 1e-4,
  c2 = 0.9,
  toleranceChange = 1e-9,
  maxLs = 25,
): Reads<LineSearchResult> {
  const dt = d.dtype;
  const read = function* (v: Tensor): Reads<TensorScalar> {
    return new TensorScalar(yield v, dt);
  };
  let t = t0;
  const dNorm = yield* read(d.abs().max());
  const g = g0.clone();
  let [fNew, gNew] = yield* evaluate(x, t, d);
  let evals = 1;
  let gtdNew: PyNum = yield* read(gNew.dot(d));
  let tPrev: PyNum = 0;
  let fPrev = f;
  let gPrev = g;
  let gtdPrev: PyNum = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: PyNum[] = [];
  let bracketF: number[] = [];
  let bracketG: Tensor[] = [];
  let bracketGtd: PyNum[] = [];
  while (lsIter < maxLs) {
    if (gt(fNew, add(f, mul(mul(c1, t), gtd))) || (lsIter > 1 && fNew >= fPrev)) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, gNew.clone()], [gtdPrev, gtdNew]];
      break;
    }
    if (le(abs(gtdNew), mul(-c2, gtd))) {
      [bracket, bracketF, bracketG] = [[t], [fNew], [gNew]];
      done = true;
      break;
    }
    if (ge(gtdNew, 0)) {
      [bracket, bracketF, bracketG, bracketGtd] = [[tPrev, t], [fPrev, fNew], [gPrev, gNew.clone()], [gtdPrev, gtdNew]];
      break;
    }
    const minStep = add(t, mul(0.01, sub(t, tPrev)));
    const maxStep = mul(t, 10);
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    tPrev = tmp;
    fPrev = fNew;
    gPrev = gNew.clone();
    gtdPrev = gtdNew;
    [fNew, gNew] = yield* evaluate(x, t, d);
    evals++;
    gtdNew = yield* read(gNew.dot(d));
    lsIter++;
  }
  if (lsIter === maxLs) [bracket, bracketF, bracketG] = [[0, t], [f, fNew], [g, gNew]];

  // zoom: shrink the bracket until a point satisfies the strong Wolfe conditions
  let insufProgress = false;
  let [lowPos, highPos] = bracketF[0]! <= bracketF[bracketF.length - 1]! ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    if (lt(mul(abs(sub(bracket[1]!, bracket[0]!)), dNorm), toleranceChange)) break;
    t = cubicInterpolate(bracket[0]!, bracketF[0]!, bracketGtd[0]!, bracket[1]!, bracketF[1]!, bracketGtd[1]!);
    const hi = pyMax(bracket[0]!, bracket[1]!);
    const lo = pyMin(bracket[0]!, bracket[1]!);
    const eps = mul(0.1, sub(hi, lo));
    if (lt(pyMin(sub(hi, t), sub(t, lo)), eps)) {
      if (insufProgress || ge(t, hi) || le(t, lo)) {
        t = lt(abs(sub(t, hi)), abs(sub(t, lo))) ? sub(hi, eps) : add(lo, eps);
        insufProgress = false;
      } else insufProgress = true;
    } else insufProgress = false;
    [fNew, gNew] = yield* evaluate(x, t, d);
    evals++;
    gtdNew = yield* read(gNew.dot(d));
    lsIter++;
    if (gt(fNew, add(f, mul(mul(c1, t), gtd))) || fNew >= bracketF[lowPos]!) {
      bracket[highPos] = t;
      bracketF[highPos] = fNew;
      bracketG[highPos] = gNew.clone();
      bracketGtd[highPos] = gtdNew;
      [lowPos, highPos] = bracketF[0]! <= bracketF[1]! ? [0, 1] : [1, 0];
    } else {
      if (le(abs(gtdNew), mul(-c2, gtd))) done = true;
      else if (ge(mul(gtdNew, sub(bracket[highPos]!, bracket[lowPos]!)), 0)) {
        bracket[highPos] = bracket[lowPos]!;
        bracketF[highPos] = bracketF[lowPos]!;
        bracketG[highPos] = bracketG[lowPos]!;
        bracketGtd[highPos] = bracketGtd[lowPos]!;
      }
      bracket[lowPos] = t;
      bracketF[lowPos] = fNew;
      bracketG[lowPos] = gNew.clone();
      bracketGtd[lowPos] = gtdNew;
    }
  }
  return { loss: bracketF[lowPos]!, flatGrad: bracketG[lowPos]!, t: bracket[lowPos]!, evals };
}
