// Reading the regular files of a (ustar) tar archive: what the CIFAR archives need.

import { RuntimeError } from '@torchlet/tensor';

function field(block: Uint8Array, start: number, len: number): string {
  let end = start;
  while (end < start + len && block[end] !== 0) end++;
  return new TextDecoder().decode(block.subarray(start, end));
}

/**
 * The regular files of a tar archive, by path (ustar prefixes joined); `name` labels errors.
 * @example untar(bytes, 'cifar-10-binary.tar').get('cifar-10-batches-bin/test_batch.bin')
 */
export function untar(bytes: Uint8Array, name: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  let off = 0;
  while (off + 512 <= bytes.length) {
    const header = bytes.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const path = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = header[156];
    if (!Number.isFinite(size)) throw new RuntimeError(`${name}: bad tar header at byte ${off}`);
    const start = off + 512;
    if (start + size > bytes.length) throw new RuntimeError(`${name}: truncated tar archive: '${path}' needs ${size} bytes from byte ${start}, the archive ends at byte ${bytes.length}`);
    // '0' or NUL: a regular file
    if (type === 0x30 || type === 0) files.set(prefix ? `${prefix}/${path}` : path, bytes.subarray(start, start + size));
    off = start + Math.ceil(size / 512) * 512;
  }
  return files;
}
