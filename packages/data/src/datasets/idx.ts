// The IDX format of the MNIST files: a 4-byte magic number (0, 0, element type,
// number of dimensions), the dimensions as big-endian int32, then the elements.

import { RuntimeError } from '@torchlet/tensor';

/** A parsed IDX file: its dimensions and its (unsigned byte) elements. */
export interface IdxArray {
  readonly shape: number[];
  readonly data: Uint8Array;
}

const UBYTE = 0x08;
const TYPE_NAMES: Record<number, string> = { 0x08: 'unsigned byte', 0x09: 'signed byte', 0x0b: 'short', 0x0c: 'int', 0x0d: 'float', 0x0e: 'double' };

function hex(v: number): string {
  return `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * Parses an IDX file of unsigned bytes with `ndim` dimensions, checking its magic number, its
 * length and its dimensions; errors name `file` and the byte offset.
 * @example parseIdx(bytes, 'train-labels-idx1-ubyte', 1).shape // [60000]
 */
export function parseIdx(bytes: Uint8Array, file: string, ndim: number): IdxArray {
  if (bytes.length < 4) throw new RuntimeError(`${file}: truncated at byte ${bytes.length}: an IDX file starts with a 4-byte magic number`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = dv.getUint32(0, false);
  const expected = (UBYTE << 8) | ndim;
  if (magic !== expected) {
    const type = TYPE_NAMES[(magic >>> 8) & 0xff];
    const what = magic >>> 16 === 0 && type !== undefined ? ` (${type} elements, ${magic & 0xff} dimensions)` : '';
    throw new RuntimeError(`${file}: wrong magic number ${hex(magic)}${what} at byte 0, expected ${hex(expected)} (unsigned byte elements, ${ndim} dimension${ndim > 1 ? 's' : ''})`);
  }
  const header = 4 + 4 * ndim;
  if (bytes.length < header) throw new RuntimeError(`${file}: truncated at byte ${bytes.length}: the header of ${ndim} dimensions ends at byte ${header}`);
  const shape = Array.from({ length: ndim }, (_, i) => dv.getUint32(4 + 4 * i, false));
  const count = shape.reduce((a, b) => a * b, 1);
  const end = header + count;
  if (bytes.length < end) {
    throw new RuntimeError(`${file}: truncated at byte ${bytes.length}: dimensions [${shape.join(', ')}] need ${count} bytes of data from byte ${header} to byte ${end}`);
  }
  if (bytes.length > end) {
    throw new RuntimeError(`${file}: size mismatch: dimensions [${shape.join(', ')}] end the data at byte ${end}, but the file has ${bytes.length - end} more bytes`);
  }
  return { shape, data: bytes.subarray(header, end) };
}
