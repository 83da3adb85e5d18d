// PyTorch's storage classes and dtype objects, and the torchlet dtype of each one it has.
import type { DType } from '@torchlet/tensor';

/** A PyTorch dtype: its name (`torch.int16` → 'int16'), size, and torchlet's dtype if there is one. */
export interface TorchDtype {
  readonly name: string;
  readonly bytes: number;
  readonly torch?: DType;
}

const d = (name: string, bytes: number, torch?: DType): TorchDtype => (torch ? { name, bytes, torch } : { name, bytes });

/** `torch.<name>` dtype objects (and their aliases), by attribute name. */
export const TORCH_DTYPES: Readonly<Record<string, TorchDtype>> = (() => {
  const all: [string[], TorchDtype][] = [
    [['float32', 'float'], d('float32', 4, 'float32')],
    [['float64', 'double'], d('float64', 8, 'float64')],
    [['float16', 'half'], d('float16', 2, 'float16')],
    [['bfloat16'], d('bfloat16', 2, 'bfloat16')],
    [['int64', 'long'], d('int64', 8, 'int64')],
    [['int32', 'int'], d('int32', 4, 'int32')],
    [['int16', 'short'], d('int16', 2)],
    [['int8'], d('int8', 1, 'int8')],
    [['uint8'], d('uint8', 1, 'uint8')],
    [['bool'], d('bool', 1, 'bool')],
    [['uint16'], d('uint16', 2)], [['uint32'], d('uint32', 4)], [['uint64'], d('uint64', 8)],
    [['complex32', 'chalf'], d('complex32', 4)], [['complex64', 'cfloat'], d('complex64', 8)], [['complex128', 'cdouble'], d('complex128', 16)],
    [['qint8'], d('qint8', 1)], [['quint8'], d('quint8', 1)], [['qint32'], d('qint32', 4)], [['quint4x2'], d('quint4x2', 1)], [['quint2x4'], d('quint2x4', 1)],
    [['float8_e4m3fn'], d('float8_e4m3fn', 1)], [['float8_e5m2'], d('float8_e5m2', 1)], [['float8_e4m3fnuz'], d('float8_e4m3fnuz', 1)], [['float8_e5m2fnuz'], d('float8_e5m2fnuz', 1)],
  ];
  const out: Record<string, TorchDtype> = {};
  for (const [names, dt] of all) for (const n of names) out[n] = dt;
  return out;
})();

/** Storage class names (`torch.FloatStorage`) and the dtype of their elements. */
export const STORAGE_TYPES: Readonly<Record<string, TorchDtype>> = {
  DoubleStorage: TORCH_DTYPES.float64!, FloatStorage: TORCH_DTYPES.float32!, HalfStorage: TORCH_DTYPES.float16!,
  BFloat16Storage: TORCH_DTYPES.bfloat16!, LongStorage: TORCH_DTYPES.int64!, IntStorage: TORCH_DTYPES.int32!,
  ShortStorage: TORCH_DTYPES.int16!, CharStorage: TORCH_DTYPES.int8!, ByteStorage: TORCH_DTYPES.uint8!,
  BoolStorage: TORCH_DTYPES.bool!, ComplexHalfStorage: TORCH_DTYPES.complex32!, ComplexFloatStorage: TORCH_DTYPES.complex64!,
  ComplexDoubleStorage: TORCH_DTYPES.complex128!, QInt8Storage: TORCH_DTYPES.qint8!, QUInt8Storage: TORCH_DTYPES.quint8!,
  QInt32Storage: TORCH_DTYPES.qint32!, QUInt4x2Storage: TORCH_DTYPES.quint4x2!, QUInt2x4Storage: TORCH_DTYPES.quint2x4!,
  // an untyped storage counts bytes; _rebuild_tensor_v3 says the dtype
  UntypedStorage: d('uint8', 1, 'uint8'),
};

/** The storage class PyTorch names for a torchlet dtype. @example storageTypeOf('int64') // 'LongStorage' */
export function storageTypeOf(dtype: DType): string {
  return Object.keys(STORAGE_TYPES).find((k) => STORAGE_TYPES[k]!.torch === dtype && k !== 'UntypedStorage')!;
}
