// The dtypes of the safetensors format, their sizes, and the torchlet dtype of each one that has one.
import type { DType } from '@torchlet/tensor';

/** A safetensors dtype name, as a header spells it (case matters). */
export type SafetensorsDtype =
  | 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'I16' | 'I8' | 'U8' | 'BOOL'
  | 'U16' | 'U32' | 'U64' | 'F8_E5M2' | 'F8_E4M3' | 'F8_E8M0' | 'F6_E2M3' | 'F6_E3M2' | 'F4' | 'C64';

interface DtypeInfo {
  /** Bits per element (sub-byte types pack several elements in a byte). */
  bits: number;
  /** torchlet's dtype, where torchlet has one. */
  torch?: DType;
}

/** Every dtype the format defines, in the order of its Rust enum (the order of alignment). */
export const SAFETENSORS_DTYPES: Readonly<Record<SafetensorsDtype, DtypeInfo>> = {
  BOOL: { bits: 8, torch: 'bool' },
  F4: { bits: 4 },
  F6_E2M3: { bits: 6 },
  F6_E3M2: { bits: 6 },
  U8: { bits: 8, torch: 'uint8' },
  I8: { bits: 8, torch: 'int8' },
  F8_E5M2: { bits: 8 },
  F8_E4M3: { bits: 8 },
  F8_E8M0: { bits: 8 },
  I16: { bits: 16 },
  U16: { bits: 16 },
  F16: { bits: 16, torch: 'float16' },
  BF16: { bits: 16, torch: 'bfloat16' },
  I32: { bits: 32, torch: 'int32' },
  U32: { bits: 32 },
  F32: { bits: 32, torch: 'float32' },
  C64: { bits: 64 },
  F64: { bits: 64, torch: 'float64' },
  I64: { bits: 64, torch: 'int64' },
  U64: { bits: 64 },
};

const ORDER = Object.keys(SAFETENSORS_DTYPES) as SafetensorsDtype[];

/** Whether `name` is a safetensors dtype (exact spelling). @example isSafetensorsDtype('F32') // true */
export function isSafetensorsDtype(name: string): name is SafetensorsDtype {
  return Object.prototype.hasOwnProperty.call(SAFETENSORS_DTYPES, name);
}

/** The safetensors name of a torchlet dtype. @example safetensorsDtypeOf('bfloat16') // 'BF16' */
export function safetensorsDtypeOf(dtype: DType): SafetensorsDtype {
  return ORDER.find((d) => SAFETENSORS_DTYPES[d].torch === dtype)!;
}

/** Rank of a dtype in the format's alignment order (writers put the largest first). @example alignmentRank('F64') > alignmentRank('F16') // true */
export function alignmentRank(dtype: SafetensorsDtype): number {
  return ORDER.indexOf(dtype);
}
