// A safetensors entry as raw bytes: the form of every dtype torchlet has no tensor dtype for
// (I16, U16, U32, U64, F8_*, …), and a way to write such entries back unchanged.
import type { Device, Tensor } from '@torchlet/tensor';
import { tensorFromBytes } from '../bytes/tensorBytes.js';
import { CheckpointError } from '../errors.js';
import type { SafetensorsDtype } from './dtypes.js';
import { SAFETENSORS_DTYPES } from './dtypes.js';

/**
 * A tensor's dtype name, shape and little-endian bytes, exactly as a safetensors file holds them.
 * `saveFile` writes it as it is; `toTensor()` converts the dtypes torchlet has.
 * @example const raw = await f.getRaw('counts'); raw.dtype // 'U16'; raw.data.byteLength // 6
 */
export class RawTensor {
  /** @example new RawTensor('U16', [3], new Uint8Array(6)) */
  constructor(
    readonly dtype: SafetensorsDtype,
    readonly shape: readonly number[],
    readonly data: Uint8Array,
    /** Where it was read from (for errors). */
    readonly file = '<bytes>',
    readonly name = '<raw>',
  ) {}

  /**
   * The tensor of these bytes; a dtype torchlet lacks (I16, U32, F8_E4M3, …) is a CheckpointError.
   * @example new RawTensor('F32', [1], new Uint8Array(4)).toTensor() // tensor([0.])
   */
  toTensor(device: Device = 'cpu'): Tensor {
    const dtype = SAFETENSORS_DTYPES[this.dtype].torch;
    if (dtype === undefined) {
      throw new CheckpointError(this.file, `dtype ${this.dtype} has no torchlet tensor dtype (torchlet has F64 F32 F16 BF16 I64 I32 I8 U8 BOOL); read it as raw bytes with getRaw()`, { tensor: this.name });
    }
    return tensorFromBytes(this.data, dtype, this.shape, device);
  }
}
