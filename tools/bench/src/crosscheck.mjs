// The agreement check of a peer's form of a workload: before a workload is timed
// in jax-js, its result there is compared once with torchlet's (CPU backend) on
// the same inputs, so that a figure never comes from a computation that differs.

import { inputData } from './workloads.mjs';

/** Largest |actual − expected| allowed, relative to the largest |expected| of the same array (float32 noise of differently ordered sums). */
export const AGREEMENT_RTOL = 1e-3;

/**
 * One array of a result, as float64 values; `exact` for integers (indices), which must
 * match exactly; `atol` an absolute slack added to the relative one.
 * @typedef {{ values: Float64Array, exact: boolean, atol: number }} Leaf
 */

/** @type {Map<string, Promise<Leaf[]>>} */
const references = new Map();

/**
 * torchlet's result of a workload (memoised per workload): the arrays of its output,
 * or, for a training step (which updates its parameters and returns nothing), the
 * change of each parameter over the step, since the parameters themselves move little.
 * @param {import('./workloads.mjs').Workload} w
 * @returns {Promise<Leaf[]>}
 * @example const leaves = await torchletReference(WORKLOADS[0]); // matmul 256²: one leaf of 65536 values
 */
export function torchletReference(w) {
  let r = references.get(w.id);
  if (!r) {
    r = computeReference(w);
    references.set(w.id, r);
  }
  return r;
}

/** @param {import('./workloads.mjs').Workload} w */
async function computeReference(w) {
  const torch = await import('torchlet');
  /** @type {any[]} */
  const inputs = [];
  try {
    const run = w.torchlet(torch, (shape, seed = 0) => {
      const n = shape.reduce((a, b) => a * b, 1);
      const t = torch.tensor(inputData(n, seed)).reshape(...shape);
      inputs.push(t);
      return t;
    });
    const params = inputs.filter((t) => t.requiresGrad);
    const before = params.map(leafOf);
    const out = torch.tidy(() => run());
    if (out !== undefined) {
      const tensors = flatten(out);
      const leaves = tensors.map(leafOf);
      for (const t of tensors) t.dispose();
      return leaves;
    }
    // each framework rounds p − lr·g to float32: the changes may differ by an ulp of the parameter
    return params.map((p, i) => {
      const after = leafOf(p).values;
      return { values: difference(after, before[i].values), exact: false, atol: 2 * FLOAT32_EPSILON * maxAbs(after) };
    });
  } finally {
    for (const t of inputs) t.dispose();
  }
}

/**
 * The tensors of a result: a tensor, or a (nested) list of them such as sort's [values, indices].
 * @param {any} out
 * @returns {any[]}
 */
function flatten(out) {
  return Array.isArray(out) ? out.flatMap(flatten) : [out];
}

/** @param {any} t a torchlet tensor */
function leafOf(t) {
  return { values: Float64Array.from(t.dataSync(), Number), exact: !t.dtype.startsWith('float'), atol: 0 };
}

/** The spacing of float32 values at 1 (2⁻²³). */
const FLOAT32_EPSILON = 2 ** -23;

/** @param {Float64Array} v */
const maxAbs = (v) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/**
 * `after − before`, elementwise: what a training step changed.
 * @param {Float64Array} after
 * @param {Float64Array} before
 * @example difference(Float64Array.of(3, 5), Float64Array.of(1, 1)) // Float64Array [2, 4]
 */
export function difference(after, before) {
  return after.map((v, i) => v - before[i]);
}

/**
 * Checks that `actual` matches `expected` leaf by leaf (same sizes; integers equal;
 * floats within AGREEMENT_RTOL of the leaf's largest magnitude, plus its `atol`) and
 * returns the worst difference seen relative to that magnitude; throws, naming the
 * leaf, when they disagree.
 * @param {Float64Array[]} actual
 * @param {Leaf[]} expected
 * @param {string} what  e.g. `jax-js jit vs torchlet`
 * @returns {number}
 * @example assertAgrees([Float64Array.of(1, 2)], [{ values: Float64Array.of(1, 2), exact: false, atol: 0 }], 'x') // 0
 */
export function assertAgrees(actual, expected, what) {
  if (actual.length !== expected.length) throw new Error(`${what}: ${actual.length} arrays, expected ${expected.length}`);
  let worst = 0;
  expected.forEach((e, k) => {
    const a = actual[k];
    if (a.length !== e.values.length) throw new Error(`${what}: array ${k} has ${a.length} elements, expected ${e.values.length}`);
    const scale = maxAbs(e.values);
    let err = 0;
    for (let i = 0; i < a.length; i++) {
      const d = Math.abs(a[i] - e.values[i]);
      err = Number.isNaN(d) ? Infinity : Math.max(err, d);
    }
    if (e.exact && err > 0) throw new Error(`${what}: array ${k} (integers) differs by up to ${err}`);
    const limit = AGREEMENT_RTOL * scale + e.atol;
    if (err > limit) throw new Error(`${what}: array ${k} differs by up to ${err.toPrecision(3)}, more than ${limit.toPrecision(3)} (${AGREEMENT_RTOL} of its largest magnitude ${scale.toPrecision(3)}${e.atol ? ` + ${e.atol.toPrecision(3)}` : ''})`);
    worst = Math.max(worst, scale > 0 ? err / scale : err);
  });
  return worst;
}
