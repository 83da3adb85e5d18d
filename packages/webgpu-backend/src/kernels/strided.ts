// Strided addressing in generated WGSL: the parameter block carries a shape and,
// per view, an offset and strides; a thread turns its row-major element number
// into one element offset per view (one divide per dim, shared by all views).

/**
 * A parameter block under construction (u32 words).
 *
 * @example const m = new Meta(); const at = m.push(n, ...shape);
 */
export class Meta {
  readonly words: number[] = [];

  /** Appends words and returns the index of the first. */
  push(...values: readonly number[]): number {
    const at = this.words.length;
    for (const v of values) this.words.push(v >>> 0);
    return at;
  }
}

/** Ranks kernels are generated for (beyond the last, the rank itself). */
const RANK_BUCKETS = [1, 4, 8];

/**
 * A (coalesced) shape and its views' strides padded with leading size-1 dims up to
 * the next rank of RANK_BUCKETS (at least `minRank`), so that one compiled kernel
 * serves ranks 0–1, one 2–4, one 5–8: each variant costs a shader compile (tens of
 * ms on SwiftShader, seconds for a large matmul kernel).
 *
 * @example padRank([3, 4], [[4, 1]]) // { shape: [1, 1, 3, 4], strides: [[0, 0, 4, 1]] }
 */
export function padRank(shape: readonly number[], strides: readonly (readonly number[])[], minRank = 0): { shape: number[]; strides: number[][] } {
  const rank = RANK_BUCKETS.find((r) => r >= Math.max(shape.length, minRank)) ?? shape.length;
  const pad = rank - shape.length;
  return { shape: [...Array<number>(pad).fill(1), ...shape], strides: strides.map((s) => [...Array<number>(pad).fill(0), ...s]) };
}

/** Workgroup size of the elementwise-style kernels. */
export const WG = 64;

/**
 * The entry point header: `i` is the thread's element number, `n` the element count at `prm[nAt]`.
 *
 * @example elementHeader(0) // thread i of n = prm[0]
 */
export function elementHeader(nAt: number): string {
  return /* wgsl */ `
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = (wid.y * nwg.x + wid.x) * ${WG}u + lid;
  if (i >= prm[${nAt}]) { return; }`;
}

/**
 * WGSL statements declaring `var <name>: u32` for each view: the element offset of
 * row-major element `index` of the shape at `prm[shapeAt…]`, for a view whose
 * offset is at `prm[base]` and strides at `prm[base + 1…]`.
 *
 * @example offsetsCode('i', 2, 1, [{ name: 'o0', base: 3 }])
 */
export function offsetsCode(index: string, rank: number, shapeAt: number, views: readonly { name: string; base: number }[]): string {
  const lines = views.map((v) => `  var ${v.name}: u32 = prm[${v.base}];`);
  if (rank > 0) lines.push(`  var rem: u32 = ${index};`);
  for (let d = rank - 1; d >= 0; d--) {
    const last = d === 0;
    lines.push(`  {`);
    lines.push(last ? `    let c = rem;` : `    let s = prm[${shapeAt + d}]; let c = rem % s; rem = rem / s;`);
    for (const v of views) lines.push(`    ${v.name} += c * prm[${v.base + 1 + d}];`);
    lines.push(`  }`);
  }
  return lines.join('\n');
}

/**
 * The binding declaration lines: meta, out (read_write) and the read-only inputs.
 *
 * @example bindings('f32', ['f32', 'i32'])
 */
export function bindings(outElem: string, inputElems: readonly string[], outAtomic = false): string {
  const lines = [
    `@group(0) @binding(0) var<storage, read> prm: array<u32>;`,
    `@group(0) @binding(1) var<storage, read_write> out: array<${outAtomic ? `atomic<${outElem}>` : outElem}>;`,
  ];
  inputElems.forEach((e, k) => lines.push(`@group(0) @binding(${k + 2}) var<storage, read> in${k}: array<${e}>;`));
  return lines.join('\n');
}
