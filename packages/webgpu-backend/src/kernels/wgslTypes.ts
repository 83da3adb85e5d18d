// How each stored dtype lives on the device and how values convert between
// them with PyTorch's casts. WGSL has 32-bit scalars only: float32 is f32,
// int32 i32, bool u32 0/1, int8 and uint8 are widened to i32 (holding values in
// their range), and int64 is a pair of words, vec2<u32>(low, high), two's
// complement (see int64Wgsl.ts for its arithmetic).

import { DTYPES, unstoredDtype, type DType } from '@torchlet/tensor/backend';

/** The WGSL type of a stored element. */
export type Elem = 'f32' | 'i32' | 'u32' | 'vec2<u32>';

/** The WGSL type of int64 elements. */
export const I64 = 'vec2<u32>' as const satisfies Elem;

/** The dtypes this backend stores. */
export const GPU_DTYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'int32', 'int64', 'int8', 'uint8', 'bool']);

/**
 * The WGSL type of `dtype`, or a clear error for one the device cannot hold.
 *
 * @example elemOf('int64') // 'vec2<u32>'
 */
export function elemOf(dtype: DType): Elem {
  switch (dtype) {
    case 'float32':
      return 'f32';
    case 'int32':
    case 'int8':
    case 'uint8':
      return 'i32';
    case 'int64':
      return I64;
    case 'bool':
      return 'u32';
    default:
      // float64 (as PyTorch's MPS device refuses it), float16, bfloat16
      throw unstoredDtype(dtype, 'webgpu', DTYPES.filter((d) => GPU_DTYPES.has(d)));
  }
}

/**
 * Bytes one element of `dtype` takes on the device.
 *
 * @example deviceBytes('int64') // 8
 */
export function deviceBytes(dtype: DType): number {
  return dtype === 'int64' ? 8 : 4;
}

/**
 * Whether `dtype` is held widened in an i32 (int8, uint8), so results must be wrapped to its range.
 *
 * @example isNarrow('uint8') // true
 */
export function isNarrow(dtype: DType): boolean {
  return dtype === 'int8' || dtype === 'uint8';
}

/**
 * WGSL wrapping an i32 `expr` to `dtype`'s range (int8 sign-extends its low byte, uint8 keeps it).
 *
 * @example wrap('x + y', 'int8') // '(((x + y) << 24u) >> 24u)'
 */
export function wrap(expr: string, dtype: DType): string {
  if (dtype === 'int8') return `(((${expr}) << 24u) >> 24u)`;
  if (dtype === 'uint8') return `((${expr}) & 255i)`;
  return expr;
}

/**
 * WGSL converting `expr` (a value of dtype `from`) to dtype `to`, as PyTorch casts:
 * float → int truncates (NaN and ±Inf give 0) and integers wrap to the narrower
 * type, anything → bool is `!= 0` with NaN true. Conversions from or to int64
 * call int64Wgsl.ts's functions.
 *
 * @example convert('x', 'float32', 'bool') // 'to_bool_f(x)'
 */
export function convert(expr: string, from: DType, to: DType): string {
  if (from === to) return expr;
  const f = elemOf(from);
  const t = elemOf(to);
  if (t === 'f32') return f === I64 ? `i64_to_f32(${expr})` : `f32(${expr})`;
  if (t === I64) {
    if (f === 'f32') return `f32_to_i64(${expr})`;
    return f === 'u32' ? `vec2<u32>(${expr}, 0u)` : `i64_from_i32(${expr})`;
  }
  if (t === 'i32') {
    const asI32 = f === 'f32' ? `f2i(${expr})` : f === I64 ? `bitcast<i32>((${expr}).x)` : f === 'u32' ? `i32(${expr})` : expr;
    // bool and anything into int32 need no wrap; into int8/uint8 every other source does
    return from === 'bool' || to === 'int32' ? asI32 : wrap(asI32, to);
  }
  // → bool
  if (f === 'f32') return `to_bool_f(${expr})`;
  if (f === I64) return `u32(any((${expr}) != vec2<u32>(0u, 0u)))`;
  return `u32(${expr} != 0i)`;
}

/** Bit-level helpers of the WGSL library (NaN/Inf tests by bits, since compilers may fold `x != x`). */
export const COMMON_WGSL = /* wgsl */ `
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn is_finite(x: f32) -> bool { return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u; }
// private variables, not constants: WGSL refuses NaN and Inf in constant expressions
var<private> NAN_BITS: u32 = 0x7fc00000u;
var<private> INF_BITS: u32 = 0x7f800000u;
fn nan_f() -> f32 { return bitcast<f32>(NAN_BITS); }
fn inf_f() -> f32 { return bitcast<f32>(INF_BITS); }
fn f2i(x: f32) -> i32 { if (!is_finite(x)) { return 0i; } return i32(x); }
fn to_bool_f(x: f32) -> u32 { return select(0u, 1u, (bitcast<u32>(x) & 0x7fffffffu) != 0u); }
`;

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/**
 * The u32 words that hold `value` converted to `dtype` (for scalars in parameter
 * blocks): one word, or two (low, high) for int64.
 *
 * @example scalarWords(1.5, 'float32') // [0x3fc00000]
 * @example scalarWords(-1, 'int64') // [0xffffffff, 0xffffffff]
 */
export function scalarWords(value: number | bigint, dtype: DType): number[] {
  const e = elemOf(dtype);
  if (e === 'f32') {
    F32[0] = Number(value);
    return [U32[0]!];
  }
  if (e === 'u32') return [(typeof value === 'bigint' ? value !== 0n : value !== 0) ? 1 : 0];
  const big = typeof value === 'bigint' ? value : Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  if (e === I64) {
    const w = BigInt.asUintN(64, big);
    return [Number(w & 0xffffffffn), Number(w >> 32n)];
  }
  const bits = dtype === 'int8' ? BigInt.asIntN(8, big) : dtype === 'uint8' ? BigInt.asUintN(8, big) : big;
  return [Number(BigInt.asUintN(32, bits))];
}

/**
 * WGSL loading a scalar of `dtype` from the parameter block at word `at`.
 *
 * @example scalarLoad(4, 'int64') // 'vec2<u32>(prm[4], prm[5])'
 */
export function scalarLoad(at: number, dtype: DType): string {
  const e = elemOf(dtype);
  if (e === I64) return `vec2<u32>(prm[${at}], prm[${at + 1}])`;
  return e === 'u32' ? `prm[${at}]` : `bitcast<${e}>(prm[${at}])`;
}
