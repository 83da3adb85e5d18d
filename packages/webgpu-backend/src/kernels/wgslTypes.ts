// How each stored dtype lives on the device and how values convert between
// them with PyTorch's casts. Every element is 32 bits: float32 as f32, int32 as
// i32, bool as u32 0/1 (WGSL has no 8-bit storage).

import { NotImplementedError, RuntimeError, type DType } from '@torchlet/tensor/backend';

/** The WGSL element type of a stored dtype. */
export type Elem = 'f32' | 'i32' | 'u32';

/** The dtypes this backend stores. */
export const GPU_DTYPES: ReadonlySet<DType> = new Set<DType>(['float32', 'int32', 'bool']);

/**
 * The WGSL type of `dtype`, or a clear error for one the device cannot hold.
 *
 * @example elemOf('bool') // 'u32'
 */
export function elemOf(dtype: DType): Elem {
  switch (dtype) {
    case 'float32':
      return 'f32';
    case 'int32':
      return 'i32';
    case 'bool':
      return 'u32';
    case 'int64':
    case 'float64':
      throw new RuntimeError(`webgpu: dtype ${dtype} is not supported on device 'webgpu' (WGSL has no 64-bit types); use ${dtype === 'int64' ? 'int32' : 'float32'}`);
    default:
      throw new NotImplementedError(`dtype ${dtype} on device 'webgpu'`);
  }
}

/**
 * WGSL converting `expr` (a value of dtype `from`) to dtype `to`, as PyTorch casts:
 * float → int truncates (NaN and ±Inf give 0), anything → bool is `!= 0` with NaN true.
 *
 * @example convert('x', 'float32', 'bool') // 'to_bool_f(x)'
 */
export function convert(expr: string, from: DType, to: DType): string {
  if (from === to) return expr;
  const f = elemOf(from);
  const t = elemOf(to);
  if (t === 'f32') return `f32(${expr})`;
  if (t === 'i32') return f === 'f32' ? `f2i(${expr})` : `i32(${expr})`;
  // → bool
  return f === 'f32' ? `to_bool_f(${expr})` : `u32(${expr} != ${f === 'i32' ? '0i' : '0u'})`;
}

/** Bit-level helpers every generated kernel may use (NaN/Inf tests by bits, since compilers may fold `x != x`). */
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
 * The u32 word that holds `value` converted to `dtype` (for scalars in parameter blocks).
 *
 * @example scalarBits(1.5, 'float32') // 0x3fc00000
 */
export function scalarBits(value: number | bigint, dtype: DType): number {
  switch (elemOf(dtype)) {
    case 'f32':
      F32[0] = Number(value);
      return U32[0]!;
    case 'i32':
      if (typeof value === 'bigint') return Number(BigInt.asUintN(32, value));
      return Number.isFinite(value) ? Number(BigInt.asUintN(32, BigInt(Math.trunc(value)))) : 0;
    case 'u32':
      return (typeof value === 'bigint' ? value !== 0n : value !== 0) ? 1 : 0;
  }
}
