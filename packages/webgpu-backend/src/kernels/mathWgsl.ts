// WGSL float32 and int32 math with PyTorch's special cases. WGSL leaves log of
// negatives, pow of negative bases, `%` on floats and much of IEEE's corner cases
// to the implementation, so every function here spells them out; `%` is replaced
// by an exact fmod (repeated exact subtraction of 2^k multiples of the divisor).

/** f32 helpers (needs COMMON_WGSL). */
export const FLOAT_MATH = /* wgsl */ `
fn safe_exp(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.72284f) { return inf_f(); }
  if (x < -103.97208f) { return 0.0f; }
  return exp(x);
}
fn safe_exp2(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x >= 128.0f) { return inf_f(); }
  if (x < -150.0f) { return 0.0f; }
  return exp2(x);
}
fn safe_log(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0f) { return nan_f(); }
  if (x == 0.0f) { return -inf_f(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_log2(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0f) { return nan_f(); }
  if (x == 0.0f) { return -inf_f(); }
  if (is_inf(x)) { return x; }
  return log2(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (is_nan(x) || x < 0.0f) { return nan_f(); }
  if (is_inf(x) || x == 0.0f) { return x; }
  return sqrt(x);
}
fn abs_f(x: f32) -> f32 { return bitcast<f32>(bitcast<u32>(x) & 0x7fffffffu); }
fn with_sign(m: f32, negative: bool) -> f32 { return bitcast<f32>(bitcast<u32>(m) ^ select(0u, 0x80000000u, negative)); }
fn expm1_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.72284f) { return inf_f(); }
  if (x < -20.0f) { return -1.0f; }
  let u = exp(x);
  if (u == 1.0f) { return x; }
  let um1 = u - 1.0f;
  if (um1 == -1.0f) { return -1.0f; }
  // Kahan: the rounding error of u cancels in (u - 1) / log(u)
  return um1 * x / log(u);
}
fn log1p_f(x: f32) -> f32 {
  if (is_inf(x) && x > 0.0f) { return x; }
  let u = 1.0f + x;
  if (u == 1.0f) { return x; }
  return safe_log(u) * x / (u - 1.0f);
}
fn sinh_f(x: f32) -> f32 {
  let a = abs_f(x);
  if (a < 1e-4f) { return x; }
  let e = safe_exp(a);
  return with_sign(0.5f * (e - 1.0f / e), x < 0.0f);
}
fn cosh_f(x: f32) -> f32 {
  let e = safe_exp(abs_f(x));
  return 0.5f * (e + 1.0f / e);
}
fn tanh_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs_f(x);
  if (a < 1e-4f) { return x; }
  if (a > 9.1f) { return with_sign(1.0f, x < 0.0f); }
  let e = exp(-2.0f * a);
  return with_sign((1.0f - e) / (1.0f + e), x < 0.0f);
}
fn asinh_f(x: f32) -> f32 {
  let a = abs_f(x);
  if (is_nan(x) || is_inf(x) || a < 1e-4f) { return x; }
  var r: f32;
  if (a > 1e18f) { r = safe_log(a) + 0.6931471805599453f; } else { r = log1p_f(a + a * a / (1.0f + sqrt(1.0f + a * a))); }
  return with_sign(r, x < 0.0f);
}
fn acosh_f(x: f32) -> f32 {
  if (is_nan(x) || x < 1.0f) { return nan_f(); }
  if (x > 1e18f) { return safe_log(x) + 0.6931471805599453f; }
  let t = x - 1.0f;
  return log1p_f(t + sqrt(2.0f * t + t * t));
}
fn atanh_f(x: f32) -> f32 {
  let a = abs_f(x);
  if (is_nan(x) || a > 1.0f) { return nan_f(); }
  if (a == 1.0f) { return with_sign(inf_f(), x < 0.0f); }
  if (a < 1e-4f) { return x; }
  return with_sign(0.5f * log1p_f(2.0f * a / (1.0f - a)), x < 0.0f);
}
// sin, cos, tan, asin, acos, atan: Cephes' single-precision reductions and
// polynomials (a few ulp), since WGSL only promises 2^-11 absolute for sin/cos
// and SwiftShader's acos/atan are about that coarse too
fn sin_poly(r: f32, z: f32) -> f32 { return ((-1.9515295891e-4f * z + 8.3321608736e-3f) * z - 1.6666654611e-1f) * z * r + r; }
fn cos_poly(z: f32) -> f32 { return ((2.443315711809948e-5f * z - 1.388731625493765e-3f) * z + 4.166664568298827e-2f) * z * z - 0.5f * z + 1.0f; }
fn octant(ax: f32) -> vec2<f32> {
  var j = u32(ax * 1.2732395447351628f);
  var y = f32(j);
  if ((j & 1u) == 1u) { j = j + 1u; y = y + 1.0f; }
  let r = ((ax - y * 0.78515625f) - y * 2.4187564849853515625e-4f) - y * 3.77489497744594108e-8f;
  return vec2<f32>(r, f32(j & 7u));
}
fn sin_f(x: f32) -> f32 {
  if (!is_finite(x)) { return nan_f(); }
  let o = octant(abs_f(x));
  var j = u32(o.y);
  var neg = x < 0.0f;
  if (j > 3u) { neg = !neg; j = j - 4u; }
  let z = o.x * o.x;
  let v = select(sin_poly(o.x, z), cos_poly(z), j == 1u || j == 2u);
  return with_sign(v, neg);
}
fn cos_f(x: f32) -> f32 {
  if (!is_finite(x)) { return nan_f(); }
  let o = octant(abs_f(x));
  var j = u32(o.y);
  var neg = false;
  if (j > 3u) { neg = !neg; j = j - 4u; }
  if (j > 1u) { neg = !neg; }
  let z = o.x * o.x;
  let v = select(cos_poly(z), sin_poly(o.x, z), j == 1u || j == 2u);
  return with_sign(v, neg);
}
fn tan_f(x: f32) -> f32 {
  if (!is_finite(x)) { return nan_f(); }
  if (abs_f(x) < 1e-4f) { return x; }
  return sin_f(x) / cos_f(x);
}
fn asin_f(x: f32) -> f32 {
  let a = abs_f(x);
  if (is_nan(x) || a > 1.0f) { return nan_f(); }
  if (a < 1e-4f) { return x; }
  var z: f32;
  var r: f32;
  let big = a > 0.5f;
  if (big) { z = 0.5f * (1.0f - a); r = sqrt(z); } else { r = a; z = a * a; }
  var v = ((((4.2163199048e-2f * z + 2.4181311049e-2f) * z + 4.5470025998e-2f) * z + 7.4953002686e-2f) * z + 1.6666752422e-1f) * z * r + r;
  if (big) { v = 1.5707963267948966f - (v + v); }
  return with_sign(v, x < 0.0f);
}
fn acos_f(x: f32) -> f32 {
  if (is_nan(x) || abs_f(x) > 1.0f) { return nan_f(); }
  if (x < -0.5f) { return 3.141592653589793f - 2.0f * asin_f(sqrt(0.5f * (1.0f + x))); }
  if (x > 0.5f) { return 2.0f * asin_f(sqrt(0.5f * (1.0f - x))); }
  return 1.5707963267948966f - asin_f(x);
}
fn atan_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  var a = abs_f(x);
  var y = 0.0f;
  if (a > 2.414213562373095f) { y = 1.5707963267948966f; a = -1.0f / a; }
  else if (a > 0.4142135623730950f) { y = 0.7853981633974483f; a = (a - 1.0f) / (a + 1.0f); }
  let z = a * a;
  y = y + ((((8.05374449538e-2f * z - 1.38776856032e-1f) * z + 1.99777106478e-1f) * z - 3.33329491539e-1f) * z * a + a);
  return with_sign(y, x < 0.0f);
}
fn erfc_pos(a: f32) -> f32 {
  // Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), for a >= 0
  let t = 1.0f / (1.0f + 0.3275911f * a);
  let p = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
  return p * safe_exp(-a * a);
}
fn erf_small(x: f32) -> f32 {
  // Taylor series of erf, for |x| < 0.5
  let z = x * x;
  return x * (1.1283791670955126f + z * (-0.3761263890318375f + z * (0.1128379167095513f + z * (-0.0268661706451312f
    + z * (0.0052239776254421f + z * (-0.0008548327023450f + z * 0.0001205533298179f))))));
}
fn erf_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs_f(x);
  if (a < 0.5f) { return erf_small(x); }
  return with_sign(1.0f - erfc_pos(a), x < 0.0f);
}
fn erfc_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs_f(x);
  if (a < 0.5f) { return 1.0f - erf_small(x); }
  let c = erfc_pos(a);
  return select(c, 2.0f - c, x < 0.0f);
}
fn erfinv_f(y: f32) -> f32 {
  // Giles, "Approximating the erfinv function" (single precision)
  let a = abs_f(y);
  if (is_nan(y) || a > 1.0f) { return nan_f(); }
  if (a == 1.0f) { return with_sign(inf_f(), y < 0.0f); }
  if (a == 0.0f) { return y; }
  var w = -safe_log((1.0f - y) * (1.0f + y));
  var p: f32;
  if (w < 5.0f) {
    w = w - 2.5f;
    p = 2.81022636e-08f;
    p = 3.43273939e-07f + p * w; p = -3.5233877e-06f + p * w; p = -4.39150654e-06f + p * w;
    p = 0.00021858087f + p * w; p = -0.00125372503f + p * w; p = -0.00417768164f + p * w;
    p = 0.246640727f + p * w; p = 1.50140941f + p * w;
  } else {
    w = sqrt(w) - 3.0f;
    p = -0.000200214257f;
    p = 0.000100950558f + p * w; p = 0.00134934322f + p * w; p = -0.00367342844f + p * w;
    p = 0.00573950773f + p * w; p = -0.0076224613f + p * w; p = 0.00943887047f + p * w;
    p = 1.00167406f + p * w; p = 2.83297682f + p * w;
  }
  return p * y;
}
fn round_even(x: f32) -> f32 {
  if (!is_finite(x)) { return x; }
  let f = floor(x);
  let d = x - f;
  var r = f;
  if (d > 0.5f || (d == 0.5f && (f - 2.0f * floor(0.5f * f)) != 0.0f)) { r = f + 1.0f; }
  return with_sign(abs_f(r), bitcast<u32>(x) >= 0x80000000u);
}
fn trunc_f(x: f32) -> f32 {
  if (!is_finite(x)) { return x; }
  return with_sign(floor(abs_f(x)), bitcast<u32>(x) >= 0x80000000u);
}
fn ceil_f(x: f32) -> f32 {
  if (!is_finite(x)) { return x; }
  let c = -floor(-x);
  // a constant -0.0 may be folded to +0: build the zero's sign from bits
  if (c == 0.0f) { return with_sign(0.0f, bitcast<u32>(x) >= 0x80000000u); }
  return c;
}
fn floor_f(x: f32) -> f32 {
  if (!is_finite(x) || x == 0.0f) { return x; }
  return floor(x);
}
fn fmod_f(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b) || is_inf(a) || b == 0.0f) { return nan_f(); }
  if (is_inf(b)) { return a; }
  var r = abs_f(a);
  let m = abs_f(b);
  if (r < m) { return a; }
  let em = frexp(m).exp;
  for (var it = 0; it < 300 && r >= m; it++) {
    // t = m * 2^k with t <= r < 2t, so r - t is exact
    let k = frexp(r).exp - em;
    var t = ldexp(m, k);
    if (t > r) { t = ldexp(m, k - 1); }
    r = r - t;
  }
  return with_sign(r, a < 0.0f);
}
fn remainder_f(a: f32, b: f32) -> f32 {
  let r = fmod_f(a, b);
  if (r != 0.0f && ((b < 0.0f) != (r < 0.0f))) { return r + b; }
  return r;
}
fn div_f(a: f32, b: f32) -> f32 {
  if (b == 0.0f) {
    if (a == 0.0f || is_nan(a)) { return nan_f(); }
    return with_sign(inf_f(), (bitcast<u32>(a) >= 0x80000000u) != (bitcast<u32>(b) >= 0x80000000u));
  }
  return a / b;
}
fn floordiv_f(a: f32, b: f32) -> f32 {
  if (b == 0.0f) { return div_f(a, b); }
  let md = fmod_f(a, b);
  var d = (a - md) / b;
  if (md != 0.0f && ((b < 0.0f) != (md < 0.0f))) { d = d - 1.0f; }
  if (d == 0.0f) {
    let q = div_f(a, b);
    return with_sign(0.0f, q < 0.0f || bitcast<u32>(q) == 0x80000000u);
  }
  var fl = floor_f(d);
  if (d - fl > 0.5f) { fl = fl + 1.0f; }
  return fl;
}
fn pow_pos(m: f32, b: f32) -> f32 {
  // m^b = 2^(b·log2 m) with the exponent carried in two parts: m = f·2^e, and b
  // split so that bh·e is exact; only the small remainder goes through exp2
  let fe = frexp(m);
  var f = fe.fract;
  var e = f32(fe.exp);
  if (f < 0.70710678f) { f = f * 2.0f; e = e - 1.0f; }
  let l = log2(f);
  let bh = bitcast<f32>(bitcast<u32>(b) & 0xfffff000u);
  let bl = b - bh;
  let t1 = bh * e;
  let ti = round(t1);
  let tf = (t1 - ti) + (bl * e + b * l);
  let k = clamp(ti, -400.0f, 400.0f);
  // two steps keep each ldexp exponent in range
  let half = i32(k * 0.5f);
  return ldexp(ldexp(exp2(tf), half), i32(k) - half);
}
fn pow_f(a: f32, b: f32) -> f32 {
  if (b == 0.0f || a == 1.0f) { return 1.0f; }
  if (is_nan(a) || is_nan(b)) { return nan_f(); }
  let m = abs_f(a);
  if (is_inf(b)) {
    if (m == 1.0f) { return 1.0f; }
    return select(0.0f, inf_f(), (m > 1.0f) == (b > 0.0f));
  }
  let integral = floor(b) == b;
  let odd = integral && abs_f(b) < 16777216.0f && (i32(b) & 1) != 0;
  let neg = bitcast<u32>(a) >= 0x80000000u;
  if (m == 0.0f || is_inf(a)) {
    let big = (m == 0.0f) == (b < 0.0f);
    return with_sign(select(0.0f, inf_f(), big), neg && odd);
  }
  if (neg && !integral) { return nan_f(); }
  var r: f32;
  if (b == 1.0f) { r = m; } else if (b == 2.0f) { r = m * m; } else { r = pow_pos(m, b); }
  return with_sign(r, neg && odd);
}
fn hypot_f(a: f32, b: f32) -> f32 {
  let x = abs_f(a);
  let y = abs_f(b);
  if (is_inf(x) || is_inf(y)) { return inf_f(); }
  if (is_nan(x) || is_nan(y)) { return nan_f(); }
  let hi = max(x, y);
  let lo = min(x, y);
  if (hi == 0.0f) { return 0.0f; }
  let r = lo / hi;
  return hi * sqrt(1.0f + r * r);
}
fn atan2_f(y: f32, x: f32) -> f32 {
  if (is_nan(x) || is_nan(y)) { return nan_f(); }
  let ny = bitcast<u32>(y) >= 0x80000000u;
  let nx = bitcast<u32>(x) >= 0x80000000u;
  let pi = 3.141592653589793f;
  if (y == 0.0f) { return with_sign(select(0.0f, pi, nx), ny); }
  if (x == 0.0f) { return with_sign(0.5f * pi, ny); }
  if (is_inf(x)) {
    if (is_inf(y)) { return with_sign(select(0.25f * pi, 0.75f * pi, nx), ny); }
    return with_sign(select(0.0f, pi, nx), ny);
  }
  if (is_inf(y)) { return with_sign(0.5f * pi, ny); }
  let t = atan_f(y / x);
  if (!nx) { return t; }
  return select(t + pi, t - pi, ny);
}
fn max_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return select(b, a, a > b); }
fn min_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return select(b, a, a < b); }
fn fmax_f(a: f32, b: f32) -> f32 { if (is_nan(a)) { return b; } if (is_nan(b)) { return a; } return select(b, a, a > b); }
fn fmin_f(a: f32, b: f32) -> f32 { if (is_nan(a)) { return b; } if (is_nan(b)) { return a; } return select(b, a, a < b); }
`;

/** i32 helpers: Python's floor division and remainder, C's shifts made total, powers by squaring. */
export const INT_MATH = /* wgsl */ `
fn floordiv_i(a: i32, b: i32) -> i32 {
  if (b == 0i) { return 0i; }
  let q = a / b;
  if ((a % b) != 0i && ((a < 0i) != (b < 0i))) { return q - 1i; }
  return q;
}
fn truncdiv_i(a: i32, b: i32) -> i32 { if (b == 0i) { return 0i; } return a / b; }
fn remainder_i(a: i32, b: i32) -> i32 {
  if (b == 0i) { return 0i; }
  let r = a % b;
  if (r != 0i && ((r < 0i) != (b < 0i))) { return r + b; }
  return r;
}
fn fmod_i(a: i32, b: i32) -> i32 { if (b == 0i) { return 0i; } return a % b; }
fn pow_i(a: i32, b: i32) -> i32 {
  if (b < 0i) {
    if (a == 1i) { return 1i; }
    if (a == -1i) { return select(-1i, 1i, (b & 1i) == 0i); }
    return 0i;
  }
  var r = 1i;
  var base = a;
  var e = b;
  while (e > 0i) {
    if ((e & 1i) != 0i) { r = r * base; }
    base = base * base;
    e = e >> 1u;
  }
  return r;
}
fn lshift_i(a: i32, b: i32) -> i32 { if (b < 0i || b >= 32i) { return 0i; } return a << u32(b); }
fn rshift_i(a: i32, b: i32) -> i32 { if (b < 0i || b >= 32i) { return select(0i, -1i, a < 0i); } return a >> u32(b); }
`;
