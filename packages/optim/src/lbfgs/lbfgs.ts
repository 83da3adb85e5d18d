// L-BFGS (torch/optim/lbfgs.py), step for step. Like PyTorch's, it reads values on the
// host at every iteration (losses, dot products, the stopping tests). The algorithm is one
// generator that yields each tensor to read; `step` reads synchronously (CPU), `stepAsync`
// awaits each read (devices without synchronous reads, such as WebGPU).

import type { DType, Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, cat, getBackend, isPlainObject, isTensor, signature, zeros } from '@torchlet/tensor';
import { enableGrad, noGrad } from '@torchlet/autograd';
import { Optimizer } from '../optimizer.js';
import { castToParam, checkStateShape, readScalarState, scalarStateTensor } from '../stateDict.js';
import type { Args, Closure, ParamState, ParamsLike, StepResult } from '../types.js';
import type { PyNum } from './pyScalar.js';
import { TensorScalar, div, gt, le, mul, neg, num, pyMin, sub } from './pyScalar.js';
import type { Reads } from './strongWolfe.js';
import { strongWolfe } from './strongWolfe.js';

/** Options of `LBFGS` (PyTorch's keyword arguments, camelCased). */
export interface LBFGSOptions {
  lr?: number;
  maxIter?: number;
  maxEval?: number | null;
  toleranceGrad?: number;
  toleranceChange?: number;
  historySize?: number;
  lineSearchFn?: 'strong_wolfe' | null;
}
/** The hyperparameters of the `LBFGS` parameter group (`maxEval` filled in). */
export type LBFGSHyperparameters = Required<Omit<LBFGSOptions, 'maxEval'>> & { maxEval: number };

const LBFGS_ARGS = signature<{ '': { params: unknown } & Required<LBFGSOptions> }>(
  'LBFGS(Any params, float lr=1, int max_iter=20, int? max_eval=None, float tolerance_grad=1e-07, float tolerance_change=1e-09, int history_size=100, str? line_search_fn=None)',
);
const LBFGS_STEP = signature<{ '': { closure: Closure } }>('step(Callable closure)');

/** LBFGS's state (kept on the first parameter, as PyTorch). Scalars read from tensors stay TensorScalars. */
interface LBFGSState {
  [key: string]: unknown;
  func_evals: number;
  n_iter: number;
  d?: Tensor;
  t?: PyNum;
  old_dirs?: Tensor[];
  old_stps?: Tensor[];
  ro?: PyNum[];
  H_diag?: PyNum;
  prev_flat_grad?: Tensor;
  prev_loss?: number;
  al?: (PyNum | null)[];
}

const SCALAR_KEYS = new Set(['t', 'H_diag']);
const SCALAR_LIST_KEYS = new Set(['ro', 'al']);
const VECTOR_KEYS = new Set(['d', 'prev_flat_grad']);
const VECTOR_LIST_KEYS = new Set(['old_dirs', 'old_stps']);

/** Runs the algorithm, reading each yielded tensor synchronously. */
function runSync<T>(gen: Reads<T>): T {
  let r = noGrad(() => gen.next());
  while (!r.done) {
    const t = r.value;
    r = noGrad(() => gen.next(Number(t.itemSync())));
  }
  return r.value;
}

/** Runs the algorithm, awaiting each read. */
async function runAsync<T>(gen: Reads<T>): Promise<T> {
  let r = noGrad(() => gen.next());
  while (!r.done) {
    const v = Number(await r.value.item());
    r = noGrad(() => gen.next(v));
  }
  return r.value;
}

/** Reads a temporary tensor and frees it. */
function* readTemp(t: Tensor): Reads<number> {
  const v = yield t;
  t.dispose();
  return v;
}

/** `float(loss)`: a tensor is read, a number is already one. */
function* lossValue(loss: Tensor | number): Reads<number> {
  return isTensor(loss) ? yield loss : loss;
}

/**
 * L-BFGS (PyTorch's `torch.optim.LBFGS`), with optional strong-Wolfe line search. One parameter
 * group only. `step(closure)` needs synchronous reads (CPU); elsewhere use `await stepAsync(closure)`.
 * @example
 * const opt = new LBFGS([x], { lineSearchFn: 'strong_wolfe' });
 * opt.step(() => { opt.zeroGrad(); const loss = f(x); loss.backward(); return loss; });
 */
export class LBFGS extends Optimizer<LBFGSHyperparameters> {
  private readonly params: Tensor[];

  constructor(
    params: ParamsLike<LBFGSHyperparameters>,
    ...args: Args<
      [lr: number, maxIter: number, maxEval: number | null, toleranceGrad: number, toleranceChange: number, historySize: number, lineSearchFn: 'strong_wolfe' | null],
      LBFGSOptions
    >
  ) {
    const { params: given, ...h } = LBFGS_ARGS.parse([params, ...args]);
    const maxEval = h.maxEval ?? Math.floor((h.maxIter * 5) / 4);
    super(given as ParamsLike<LBFGSHyperparameters>, { ...h, maxEval });
    if (this.paramGroups.length !== 1) throw new ValueError("LBFGS doesn't support per-parameter options (parameter groups)");
    this.params = this.paramGroups[0]!.params;
  }

  /**
   * One L-BFGS step: up to `maxIter` iterations, each evaluating `closure` (which zeroes the
   * gradients, computes the loss, calls `backward()` and returns the loss). Returns the first loss.
   * @example opt.step(closure)
   */
  override step(...args: [closure?: Closure | null]): StepResult {
    const { closure } = LBFGS_STEP.parse(args);
    const device = this.params[0]!.device;
    if (!getBackend(device).readSync) {
      throw new RuntimeError(
        `LBFGS.step() reads values on the host at every iteration, and device '${device}' cannot be read synchronously: use await optimizer.stepAsync(closure)`,
      );
    }
    return runSync(this.iterate(closure));
  }

  /**
   * `step` awaiting each read, for devices without synchronous reads (WebGPU).
   * @example await opt.stepAsync(closure)
   */
  override stepAsync(...args: [closure?: Closure | null]): Promise<StepResult> {
    const { closure } = LBFGS_STEP.parse(args);
    return runAsync(this.iterate(closure));
  }

  private *iterate(closure: Closure): Reads<StepResult> {
    const group = this.paramGroups[0]!;
    const { lr, maxIter, maxEval, toleranceGrad, toleranceChange, lineSearchFn, historySize } = group;
    const state = this.lbfgsState();
    const evaluate = (): Tensor | number => enableGrad(() => closure());
    const origLoss = evaluate();
    let loss = yield* lossValue(origLoss);
    let currentEvals = 1;
    state.func_evals += 1;
    let flatGrad = this.gatherFlatGrad();
    const dtype = flatGrad.dtype;
    const read = function* (t: Tensor): Reads<TensorScalar> {
      return new TensorScalar(yield t, dtype);
    };
    const readT = function* (t: Tensor): Reads<TensorScalar> {
      return new TensorScalar(yield* readTemp(t), dtype);
    };
    let optCond = le(yield* readT(flatGrad.abs().max()), toleranceGrad);
    if (optCond) return origLoss;

    let { d, t, old_dirs: oldDirs, old_stps: oldStps, ro, H_diag: hDiag, prev_flat_grad: prevFlatGrad, prev_loss: prevLoss } = state;
    let nIter = 0;
    while (nIter < maxIter) {
      nIter++;
      state.n_iter++;
      if (state.n_iter === 1) {
        d = flatGrad.neg();
        oldDirs = [];
        oldStps = [];
        ro = [];
        hDiag = 1;
      } else {
        // the new curvature pair, then the two-loop recursion for the direction
        const y = flatGrad.sub(prevFlatGrad!);
        const s = d!.mul(num(t!));
        const ys = yield* read(y.dot(s));
        if (gt(ys, 1e-10)) {
          if (oldDirs!.length === historySize) {
            oldDirs!.shift();
            oldStps!.shift();
            ro!.shift();
          }
          oldDirs!.push(y);
          oldStps!.push(s);
          ro!.push(div(1, ys));
          hDiag = div(ys, yield* readT(y.dot(y)));
        }
        const numOld = oldDirs!.length;
        state.al ??= new Array<PyNum | null>(historySize).fill(null);
        const al = state.al;
        const q = flatGrad.neg();
        for (let i = numOld - 1; i >= 0; i--) {
          al[i] = mul(yield* readT(oldStps![i]!.dot(q)), ro![i]!);
          q.add_(oldDirs![i]!, { alpha: num(neg(al[i]!)) });
        }
        const r = q.mul(num(hDiag!));
        d = r;
        for (let i = 0; i < numOld; i++) {
          const be = mul(yield* readT(oldDirs![i]!.dot(r)), ro![i]!);
          r.add_(oldStps![i]!, { alpha: num(sub(al[i]!, be)) });
        }
      }
      if (prevFlatGrad === undefined) prevFlatGrad = flatGrad.clone();
      else prevFlatGrad.copy_(flatGrad);
      prevLoss = loss;
      t = state.n_iter === 1 ? mul(pyMin(1, div(1, yield* readT(flatGrad.abs().sum()))), lr) : lr;
      const gtd = yield* read(flatGrad.dot(d!));
      if (gt(gtd, -toleranceChange)) break;

      let lsFuncEvals = 0;
      if (lineSearchFn !== null) {
        if (lineSearchFn !== 'strong_wolfe') throw new RuntimeError("only 'strong_wolfe' is supported");
        const x = this.params.map((p) => p.clone());
        const evaluateAt = (x0: Tensor[], step: PyNum, dir: Tensor) => this.directionalEvaluate(evaluate, x0, step, dir);
        const found = yield* strongWolfe(evaluateAt, x, t, d!, loss, flatGrad, gtd);
        [loss, flatGrad, t, lsFuncEvals] = [found.loss, found.flatGrad, found.t, found.evals];
        this.addGrad(t, d!);
        optCond = le(yield* readT(flatGrad.abs().max()), toleranceGrad);
      } else {
        this.addGrad(t, d!);
        if (nIter !== maxIter) {
          loss = yield* lossValue(evaluate());
          flatGrad = this.gatherFlatGrad();
          optCond = le(yield* readT(flatGrad.abs().max()), toleranceGrad);
          lsFuncEvals = 1;
        }
      }
      currentEvals += lsFuncEvals;
      state.func_evals += lsFuncEvals;
      if (nIter === maxIter) break;
      if (currentEvals >= maxEval) break;
      if (optCond) break;
      if (le(yield* readT(d!.mul(num(t)).abs().max()), toleranceChange)) break;
      if (Math.abs(loss - prevLoss) < toleranceChange) break;
    }
    Object.assign(state, { d, t, old_dirs: oldDirs, old_stps: oldStps, ro, H_diag: hDiag, prev_flat_grad: prevFlatGrad, prev_loss: prevLoss });
    return origLoss;
  }

  private lbfgsState(): LBFGSState {
    const p = this.params[0]!;
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    s['func_evals'] ??= 0;
    s['n_iter'] ??= 0;
    return s as LBFGSState;
  }

  private gatherFlatGrad(): Tensor {
    return cat(this.params.map((p) => (p.grad === null ? zeros([p.numel()], { dtype: p.dtype, device: p.device }) : p.grad.reshape(-1))), 0);
  }

  /** `p += stepSize * update[slice of p]` for every parameter. */
  private addGrad(stepSize: PyNum, update: Tensor): void {
    let offset = 0;
    for (const p of this.params) {
      const n = p.numel();
      p.add_(update.narrow(0, offset, n).viewAs(p), { alpha: num(stepSize) });
      offset += n;
    }
  }

  private *directionalEvaluate(evaluate: () => Tensor | number, x: Tensor[], t: PyNum, d: Tensor): Reads<[number, Tensor]> {
    this.addGrad(t, d);
    const loss = yield* lossValue(evaluate());
    const flatGrad = this.gatherFlatGrad();
    this.params.forEach((p, i) => p.copy_(x[i]!));
    return [loss, flatGrad];
  }

  protected override packState(state: ParamState): Record<string, unknown> {
    const pack = (v: unknown): unknown => (v instanceof TensorScalar ? scalarStateTensor(v.value).to(v.dtype) : v);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(state)) out[k] = Array.isArray(v) ? v.map(pack) : pack(v);
    return out;
  }

  protected override unpackState(saved: unknown, param: Tensor, id: number): ParamState {
    const flat = [this.params.reduce((n, p) => n + p.numel(), 0)];
    const dtype: DType = param.dtype;
    const scalar = (v: unknown, key: string): PyNum | null => {
      if (v === null) return null;
      return isTensor(v) ? new TensorScalar(readScalarState(v, key, id), v.isFloatingPoint() ? dtype : v.dtype) : (v as number);
    };
    const vector = (v: unknown, key: string): Tensor => {
      if (!isTensor(v)) throw new ValueError(`loaded state dict has '${key}' for parameter ${id} that is not a tensor`);
      checkStateShape(v, flat, key, id);
      return castToParam(v, param);
    };
    const out: ParamState = {};
    if (!isPlainObject(saved)) throw new ValueError(`loaded state dict has a state for parameter ${id} that is not a dict`);
    for (const [k, v] of Object.entries(saved)) {
      if (v === null || v === undefined) continue;
      if (SCALAR_KEYS.has(k)) out[k] = scalar(v, k);
      else if (SCALAR_LIST_KEYS.has(k)) out[k] = (v as unknown[]).map((e) => scalar(e, k));
      else if (VECTOR_KEYS.has(k)) out[k] = vector(v, k);
      else if (VECTOR_LIST_KEYS.has(k)) out[k] = (v as unknown[]).map((e) => vector(e, k));
      else out[k] = v;
    }
    return out;
  }
}
