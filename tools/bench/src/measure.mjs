// The timing protocol, shared by every JavaScript runner (the generated PyTorch
// script implements the same one in Python, with the same parameters).
//
// Warm-up: `warmup` calls, cut short once a call has taken longer than `budgetS`.
// Then timed calls until `budgetS` has been spent and at least `minReps` calls
// were made, or `maxReps` calls, or (for very slow workloads) `capS` has been
// spent with at least one call. The figure is the median of the timed calls.

/**
 * @typedef {object} Protocol
 * @property {number} warmup   warm-up calls (at most)
 * @property {number} minReps  timed calls (at least, unless capS runs out)
 * @property {number} maxReps  timed calls (at most)
 * @property {number} budgetS  seconds of timed calls to aim for, per workload and implementation
 * @property {number} capS     hard limit on timed seconds per workload and implementation
 */

/** @type {Protocol} */
export const FULL = { warmup: 3, minReps: 5, maxReps: 500, budgetS: 1.0, capS: 3.0 };
/** @type {Protocol} */
export const QUICK = { warmup: 1, minReps: 3, maxReps: 100, budgetS: 0.25, capS: 0.75 };

/**
 * @typedef {object} Sample
 * @property {number} medianMs
 * @property {number} minMs
 * @property {number} maxMs
 * @property {number} reps
 */

/**
 * Times `fn` (which may return a promise: it is awaited inside the timed region).
 * `settle`, when given, runs after each call outside the timed region.
 * @param {() => unknown} fn
 * @param {Protocol} p
 * @param {() => unknown} [settle]
 * @returns {Promise<Sample>}
 */
export async function measure(fn, p, settle) {
  for (let i = 0; i < p.warmup; i++) {
    const t0 = performance.now();
    await call(fn);
    if (settle) await call(settle);
    if ((performance.now() - t0) / 1000 > p.budgetS) break;
  }
  /** @type {number[]} */
  const times = [];
  let spent = 0;
  while (times.length < p.maxReps) {
    const t0 = performance.now();
    const r = fn();
    if (isThenable(r)) await r;
    const dt = performance.now() - t0;
    if (settle) await call(settle);
    times.push(dt);
    spent += dt / 1000;
    if (spent >= p.budgetS && times.length >= p.minReps) break;
    if (spent >= p.capS) break;
  }
  return summarise(times);
}

/** @param {() => unknown} fn */
function call(fn) {
  const r = fn();
  return isThenable(r) ? r : undefined;
}

/** @param {unknown} r */
function isThenable(r) {
  return typeof r === 'object' && r !== null && typeof (/** @type {any} */ (r).then) === 'function';
}

/** @param {number[]} times milliseconds */
export function summarise(times) {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const medianMs = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { medianMs, minMs: s[0], maxMs: s[s.length - 1], reps: s.length };
}
