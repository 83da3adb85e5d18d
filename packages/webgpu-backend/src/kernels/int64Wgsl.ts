// int64 on a device of 32-bit words: a value is vec2<u32>(low, high), two's
// complement, so every result is exact and wraps modulo 2^64 as PyTorch's int64
// does. Carries and borrows come from unsigned compares, the high word of a
// 32×32 product from 16-bit halves, division from shift-and-subtract; casts to
// float32 round once (ties to even) from the bits.

/** WGSL int64 helpers (self-contained; prefixed `i64_`/`u64_`). */
export const I64_MATH = /* wgsl */ `
fn i64_from_i32(x: i32) -> vec2<u32> { return vec2<u32>(bitcast<u32>(x), select(0u, 0xffffffffu, x < 0i)); }
fn i64_is_neg(a: vec2<u32>) -> bool { return a.y >= 0x80000000u; }
fn i64_is_zero(a: vec2<u32>) -> bool { return (a.x | a.y) == 0u; }
fn i64_add(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let lo = a.x + b.x;
  return vec2<u32>(lo, a.y + b.y + select(0u, 1u, lo < a.x));
}
fn i64_sub(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return vec2<u32>(a.x - b.x, a.y - b.y - select(0u, 1u, a.x < b.x));
}
fn i64_neg(a: vec2<u32>) -> vec2<u32> { return i64_sub(vec2<u32>(0u, 0u), a); }
fn i64_abs(a: vec2<u32>) -> vec2<u32> { return select(a, i64_neg(a), i64_is_neg(a)); }
fn u32_mul_hi(a: u32, b: u32) -> u32 {
  let al = a & 0xffffu; let ah = a >> 16u;
  let bl = b & 0xffffu; let bh = b >> 16u;
  let ll = al * bl; let lh = al * bh; let hl = ah * bl; let hh = ah * bh;
  let mid = (ll >> 16u) + (lh & 0xffffu) + (hl & 0xffffu);
  return hh + (lh >> 16u) + (hl >> 16u) + (mid >> 16u);
}
fn i64_mul(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  return vec2<u32>(a.x * b.x, u32_mul_hi(a.x, b.x) + a.x * b.y + a.y * b.x);
}
fn i64_lt(a: vec2<u32>, b: vec2<u32>) -> bool {
  if (a.y != b.y) { return bitcast<i32>(a.y) < bitcast<i32>(b.y); }
  return a.x < b.x;
}
fn u64_lt(a: vec2<u32>, b: vec2<u32>) -> bool {
  if (a.y != b.y) { return a.y < b.y; }
  return a.x < b.x;
}
fn i64_eq(a: vec2<u32>, b: vec2<u32>) -> bool { return a.x == b.x && a.y == b.y; }
fn i64_max(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return select(a, b, i64_lt(a, b)); }
fn i64_min(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> { return select(a, b, i64_lt(b, a)); }
fn i64_sign(a: vec2<u32>) -> vec2<u32> {
  if (i64_is_neg(a)) { return vec2<u32>(0xffffffffu, 0xffffffffu); }
  return vec2<u32>(select(1u, 0u, i64_is_zero(a)), 0u);
}
// shifts by n in [0, 64)
fn i64_shl(a: vec2<u32>, n: u32) -> vec2<u32> {
  if (n == 0u) { return a; }
  if (n >= 32u) { return vec2<u32>(0u, a.x << (n - 32u)); }
  return vec2<u32>(a.x << n, (a.y << n) | (a.x >> (32u - n)));
}
fn i64_shr(a: vec2<u32>, n: u32) -> vec2<u32> {
  if (n == 0u) { return a; }
  let hi = bitcast<i32>(a.y);
  if (n >= 32u) { return vec2<u32>(bitcast<u32>(hi >> (n - 32u)), bitcast<u32>(hi >> 31u)); }
  return vec2<u32>((a.x >> n) | (a.y << (32u - n)), bitcast<u32>(hi >> n));
}
fn i64_lshift(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (b.y != 0u || b.x >= 64u) { return vec2<u32>(0u, 0u); }
  return i64_shl(a, b.x);
}
fn i64_rshift(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (b.y != 0u || b.x >= 64u) { return select(vec2<u32>(0u, 0u), vec2<u32>(0xffffffffu, 0xffffffffu), i64_is_neg(a)); }
  return i64_shr(a, b.x);
}
struct U64DivMod { q: vec2<u32>, r: vec2<u32> }
// unsigned a / b and a % b (b nonzero): one u32 division when both fit, else bit by bit
fn u64_divmod(a: vec2<u32>, b: vec2<u32>) -> U64DivMod {
  if (a.y == 0u && b.y == 0u) { return U64DivMod(vec2<u32>(a.x / b.x, 0u), vec2<u32>(a.x % b.x, 0u)); }
  var q = vec2<u32>(0u, 0u);
  var r = vec2<u32>(0u, 0u);
  let top = select(31u - countLeadingZeros(a.x), 63u - countLeadingZeros(a.y), a.y != 0u);
  for (var i = i32(top); i >= 0i; i--) {
    let k = u32(i);
    let bit = select((a.x >> k) & 1u, (a.y >> (k & 31u)) & 1u, k >= 32u);
    r = i64_shl(r, 1u);
    r.x = r.x | bit;
    if (!u64_lt(r, b)) {
      r = i64_sub(r, b);
      if (k >= 32u) { q.y = q.y | (1u << (k - 32u)); } else { q.x = q.x | (1u << k); }
    }
  }
  return U64DivMod(q, r);
}
// division by zero gives 0 (PyTorch raises on the CPU; a device cannot)
fn i64_truncdiv(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (i64_is_zero(b)) { return vec2<u32>(0u, 0u); }
  let d = u64_divmod(i64_abs(a), i64_abs(b));
  return select(d.q, i64_neg(d.q), i64_is_neg(a) != i64_is_neg(b));
}
fn i64_fmod(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (i64_is_zero(b)) { return vec2<u32>(0u, 0u); }
  let d = u64_divmod(i64_abs(a), i64_abs(b));
  return select(d.r, i64_neg(d.r), i64_is_neg(a));
}
fn i64_floordiv(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (i64_is_zero(b)) { return vec2<u32>(0u, 0u); }
  let d = u64_divmod(i64_abs(a), i64_abs(b));
  let differ = i64_is_neg(a) != i64_is_neg(b);
  var q = select(d.q, i64_neg(d.q), differ);
  if (differ && !i64_is_zero(d.r)) { q = i64_sub(q, vec2<u32>(1u, 0u)); }
  return q;
}
fn i64_remainder(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  let r = i64_fmod(a, b);
  if (!i64_is_zero(r) && i64_is_neg(r) != i64_is_neg(b)) { return i64_add(r, b); }
  return r;
}
fn i64_pow(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (i64_is_neg(b)) {
    if (i64_eq(a, vec2<u32>(1u, 0u))) { return a; }
    if (i64_eq(a, vec2<u32>(0xffffffffu, 0xffffffffu))) { return select(a, vec2<u32>(1u, 0u), (b.x & 1u) == 0u); }
    return vec2<u32>(0u, 0u);
  }
  var r = vec2<u32>(1u, 0u);
  var base = a;
  var e = b;
  while (!i64_is_zero(e)) {
    if ((e.x & 1u) != 0u) { r = i64_mul(r, base); }
    base = i64_mul(base, base);
    e = i64_shr(e, 1u);
  }
  return r;
}
// the float32 nearest to the unsigned value a (ties to even), rounded once
fn u64_to_f32(a: vec2<u32>) -> f32 {
  var hi = a.y;
  var lo = a.x;
  var top = 63u;
  if (hi == 0u) {
    if (lo < 0x1000000u) { return f32(lo); }
    hi = lo;
    lo = 0u;
    top = 31u;
  }
  let lz = countLeadingZeros(hi);
  if (lz > 0u) {
    hi = (hi << lz) | (lo >> (32u - lz));
    lo = lo << lz;
  }
  var m = hi >> 8u;
  let rest = hi & 0xffu;
  if (rest > 0x80u || (rest == 0x80u && (lo != 0u || (m & 1u) == 1u))) { m = m + 1u; }
  // a carry out of the mantissa (m = 2^24) lands in the exponent
  return bitcast<f32>(((top - lz + 127u) << 23u) + m - 0x800000u);
}
fn i64_to_f32(a: vec2<u32>) -> f32 {
  let m = u64_to_f32(i64_abs(a));
  return select(m, -m, i64_is_neg(a));
}
// truncation toward zero, wrapped modulo 2^64; NaN and ±Inf give 0
fn f32_to_i64(x: f32) -> vec2<u32> {
  let b = bitcast<u32>(x);
  let be = (b >> 23u) & 0xffu;
  if (be < 127u || be == 255u) { return vec2<u32>(0u, 0u); }
  let m = (b & 0x7fffffu) | 0x800000u;
  let e = be - 127u;
  var r = vec2<u32>(0u, 0u);
  if (e <= 23u) { r = vec2<u32>(m >> (23u - e), 0u); } else if (e - 23u < 64u) { r = i64_shl(vec2<u32>(m, 0u), e - 23u); }
  return select(r, i64_neg(r), b >= 0x80000000u);
}
`;
