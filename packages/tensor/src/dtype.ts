// dtypes as PyTorch names them, and PyTorch's type promotion (torch.result_type).

import type { DType } from './backend/dtype.js';
import { isFloatingPoint } from './backend/dtype.js';
import { RuntimeError, TorchTypeError } from './errors.js';

export type { DType };

/** `torch.float32`, also `torch.float`. @example torch.zeros(2, { dtype: torch.float32 }).dtype // 'float32' */
export const float32 = 'float32' as const;
/** `torch.float` = float32. @example torch.float // 'float32' */
export const float = 'float32' as const;
/** `torch.float64`, also `torch.double`. @example torch.float64 // 'float64' */
export const float64 = 'float64' as const;
/** `torch.double` = float64. @example torch.double // 'float64' */
export const double = 'float64' as const;
/** `torch.float16`, also `torch.half`. @example torch.float16 // 'float16' */
export const float16 = 'float16' as const;
/** `torch.half` = float16. @example torch.half // 'float16' */
export const half = 'float16' as const;
/** `torch.bfloat16`. @example torch.bfloat16 // 'bfloat16' */
export const bfloat16 = 'bfloat16' as const;
/** `torch.int32`, also `torch.int`. @example torch.int32 // 'int32' */
export const int32 = 'int32' as const;
/** `torch.int` = int32. @example torch.int // 'int32' */
export const int = 'int32' as const;
/** `torch.int64`, also `torch.long`; integer data defaults to it. @example torch.int64 // 'int64' */
export const int64 = 'int64' as const;
/** `torch.long` = int64. @example torch.long // 'int64' */
export const long = 'int64' as const;
/** `torch.int8`. @example torch.int8 // 'int8' */
export const int8 = 'int8' as const;
/** `torch.uint8`. @example torch.uint8 // 'uint8' */
export const uint8 = 'uint8' as const;
/** `torch.bool`. @example torch.bool // 'bool' */
export const bool = 'bool' as const;

/** PyTorch's name of a dtype inside messages: `Float`, `Long`, … @example SCALAR_TYPE_NAME.int64 // 'Long' */
export const SCALAR_TYPE_NAME: Record<DType, string> = {
  float32: 'Float',
  float64: 'Double',
  float16: 'Half',
  bfloat16: 'BFloat16',
  int32: 'Int',
  int64: 'Long',
  int8: 'Char',
  uint8: 'Byte',
  bool: 'Bool',
};

let defaultFloat: DType = 'float32';

/** `torch.get_default_dtype()`: the dtype of float tensors created without one. @example torch.getDefaultDtype() // 'float32' */
export function getDefaultDtype(): DType {
  return defaultFloat;
}

/** `torch.set_default_dtype(d)`: the dtype of float tensors created without one. @example torch.setDefaultDtype('float64') */
export function setDefaultDtype(dtype: DType): void {
  if (!isFloatingPoint(dtype)) {
    throw new TorchTypeError(`only floating-point types are supported as the default type`);
  }
  defaultFloat = dtype;
}

/** The promotion category of a dtype: 0 bool, 1 integer, 2 floating point. @example category('uint8') // 1 */
export function category(dtype: DType): number {
  return dtype === 'bool' ? 0 : isFloatingPoint(dtype) ? 2 : 1;
}

const INT_RANK: Partial<Record<DType, number>> = { uint8: 1, int8: 1, int32: 2, int64: 3 };

/**
 * `torch.promote_types(a, b)`. PyTorch promotes uint8 with int8 to int16,
 * which torchlet lacks; it uses int32 there.
 * @example torch.promoteTypes('int32', 'float16') // 'float16'
 */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  const fa = isFloatingPoint(a);
  const fb = isFloatingPoint(b);
  if (fa && !fb) return a;
  if (fb && !fa) return b;
  if (fa && fb) {
    if (a === 'float64' || b === 'float64') return 'float64';
    return 'float32'; // float32 with a half type, or float16 with bfloat16
  }
  // both integer
  if ((a === 'uint8' && b === 'int8') || (a === 'int8' && b === 'uint8')) return 'int32';
  return INT_RANK[a]! >= INT_RANK[b]! ? a : b;
}

/** An operand as type promotion sees it. */
export type PromotionOperand = { dtype: DType; shape: readonly number[] } | number | boolean | bigint;

/**
 * `torch.result_type(...)`: tensors with dims win within their category; 0-d tensors
 * and then plain numbers only raise the category.
 * @example torch.resultType(torch.tensor([1, 2]).int(), 2.5) // 'float32'
 */
export function resultType(...operands: PromotionOperand[]): DType {
  let dimResult: DType | undefined;
  let zeroResult: DType | undefined;
  let wrappedResult: DType | undefined;
  const merge = (acc: DType | undefined, d: DType) => (acc === undefined ? d : promoteTypes(acc, d));
  for (const op of operands) {
    if (typeof op === 'object') {
      if (op.shape.length > 0) dimResult = merge(dimResult, op.dtype);
      else zeroResult = merge(zeroResult, op.dtype);
    } else {
      wrappedResult = merge(wrappedResult, scalarDtype(op));
    }
  }
  let result = dimResult;
  for (const next of [zeroResult, wrappedResult]) {
    if (next === undefined) continue;
    if (result === undefined) result = next;
    else if (category(next) > category(result)) {
      result = promoteTypes(result, next === wrappedResult && category(next) === 2 ? defaultFloat : next);
    }
  }
  if (result === undefined) throw new RuntimeError('result_type needs at least one operand');
  return result;
}

/** The dtype PyTorch gives a plain number: bool, int64 for integers, the default float otherwise. @example scalarDtype(3) // 'int64' */
export function scalarDtype(v: number | boolean | bigint): DType {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint') return 'int64';
  return Number.isInteger(v) ? 'int64' : defaultFloat;
}

const DTYPE_ALIASES: Record<string, DType> = {
  float: 'float32', double: 'float64', half: 'float16', int: 'int32', long: 'int64',
};

/** Whether `s` names a dtype (`'float32'`, `'torch.long'`, `'half'`). @example isDTypeName('torch.float') // true */
export function isDTypeName(s: string): boolean {
  const name = s.startsWith('torch.') ? s.slice(6) : s;
  return name in DTYPE_ALIASES || name in SCALAR_TYPE_NAME;
}

/** Accepts `'float32'` or PyTorch spellings (`'torch.float32'`, `'float'`, `'long'`). @example toDType('torch.long') // 'int64' */
export function toDType(d: string): DType {
  const name = d.startsWith('torch.') ? d.slice(6) : d;
  const dt = (DTYPE_ALIASES[name] ?? name) as DType;
  if (!(dt in SCALAR_TYPE_NAME)) throw new TorchTypeError(`unknown dtype '${d}'`);
  return dt;
}
