// Fused multiply-add, which PyTorch's kernels get from the compiler (FMA
// contraction, explicit _mm256_fmadd_ps): a*b+c rounded once. JavaScript has
// no fma, so the product and sum are carried exactly and rounded at the end.

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter for doubles

/** a*b + c for float32 operands, rounded once to float32. @example fmaf(1.5, 2, Math.fround(0.1)) */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b; // exact: two 24-bit significands fit in 53 bits
  const s = p + c;
  const r = Math.fround(s);
  // s itself may be rounded; only a tie in the float rounding can then go wrong
  const bb = s - p;
  const err = p - (s - bb) + (c - bb);
  if (err === 0 || r === s) return r;
  const other = Math.fround(s + (err > 0 ? 1 : -1) * Math.abs(s) * 2 ** -40);
  return Math.abs(s - r) === Math.abs(s - other) ? other : r;
}

/** a*b + c for doubles, rounded once (exact product and sum, Dekker/Knuth). @example fma(0.1, 10, -1) // 5.551115123125783e-17 */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || a === 0 || b === 0) return p + c;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const ep = al * bl - (p - ah * bh - al * bh - ah * bl);
  const s = p + c;
  const bb = s - p;
  const es = p - (s - bb) + (c - bb);
  return s + (ep + es);
}
