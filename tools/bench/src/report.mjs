// The printed table and the JSON record of a run.

/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./runners.mjs').Result} Result */

/**
 * @typedef {object} Column
 * @property {string} key      key in the JSON (`torchlet`, `pytorch-1t`, …)
 * @property {string} label    column header
 * @property {Record<string, Result>} results  by workload id
 * @property {string} [missing]  shown in every cell when the implementation did not run
 * @property {string} [base]     key of the column whose time its × divides (default: the first, torchlet CPU)
 */

/** @param {Workload} w */
export const unitOf = (w) => (w.flops ? 'GFLOP/s' : 'ms');

/**
 * The figure shown for a median time: GFLOP/s when the workload counts flops, else ms.
 * @param {Workload} w
 * @param {number} medianMs
 */
export const figureOf = (w, medianMs) => (w.flops ? w.flops / (medianMs * 1e-3) / 1e9 : medianMs);

/** @param {number} x 3 significant digits, no exponent for the sizes seen here */
function fmt(x) {
  if (!Number.isFinite(x)) return '—';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toPrecision(2);
}

/**
 * The ratio torchlet time ÷ reference time (>1: torchlet is slower), or undefined.
 * @param {Result | undefined} mine
 * @param {Result | undefined} ref
 */
export function ratioOf(mine, ref) {
  if (!mine?.ok || !ref?.ok) return undefined;
  return mine.medianMs / ref.medianMs;
}

/**
 * The column whose time `c`'s ratio divides: `c.base`, else the first.
 * @param {Column} c
 * @param {Column[]} columns
 * @example baseOf({ key: 'jax-js-webgpu', base: 'torchlet-webgpu', label: '', results: {} }, columns).key // 'torchlet-webgpu'
 */
export function baseOf(c, columns) {
  return columns.find((b) => b.key === c.base) ?? columns[0];
}

/**
 * Renders the table. The first column is torchlet; every other column gets a ratio column
 * (its base column's time ÷ its time).
 * @param {Workload[]} workloads
 * @param {Column[]} columns
 * @returns {string}
 */
export function renderTable(workloads, columns) {
  const [mine, ...refs] = columns;
  const header = ['workload', 'unit', mine.label];
  for (const c of refs) header.push(c.label, '×');
  /** @type {string[][]} */
  const rows = [header];
  for (const w of workloads) {
    const row = [w.name, unitOf(w)];
    const cell = (/** @type {Column} */ c) => {
      const r = c.results[w.id];
      if (r?.ok) return fmt(figureOf(w, r.medianMs));
      if (c.missing) return c.missing;
      return r && !r.ok && r.na ? 'n/a' : 'error';
    };
    row.push(cell(mine));
    for (const c of refs) {
      row.push(cell(c));
      const ratio = ratioOf(baseOf(c, columns).results[w.id], c.results[w.id]);
      row.push(ratio === undefined ? '' : fmt(ratio));
    }
    rows.push(row);
  }
  const widths = header.map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (/** @type {string[]} */ r) =>
    r.map((s, i) => (i === 0 || i === 1 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ').trimEnd();
  const out = [line(rows[0]), widths.map((n) => '-'.repeat(n)).join('  ')];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}
