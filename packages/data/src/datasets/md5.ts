// MD5 (RFC 1321), for the checksums torchvision publishes with each dataset file.
// Browsers' WebCrypto has no MD5, so it is computed here, everywhere.

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

/**
 * The MD5 digest of `bytes`, as 32 lowercase hex digits.
 * @example md5(new TextEncoder().encode('abc')) // '900150983cd24fb0d6963f7d28e17f72'
 */
export function md5(bytes: Uint8Array): string {
  const n = bytes.length;
  // message + 0x80 + zero padding + 64-bit length, a multiple of 64 bytes
  const total = (((n + 8) >>> 6) + 1) << 6;
  const tail = new Uint8Array(total - (n & ~63));
  tail.set(bytes.subarray(n & ~63));
  tail[n & 63] = 0x80;
  const dv = new DataView(tail.buffer);
  dv.setUint32(tail.length - 8, (n * 8) >>> 0, true);
  dv.setUint32(tail.length - 4, Math.floor(n / 2 ** 29), true);
  let a0 = 0x67452301, b0 = 0xefcdab89, c0 = 0x98badcfe, d0 = 0x10325476;
  const m = new Uint32Array(16);
  const block = (src: Uint8Array, off: number): void => {
    for (let i = 0; i < 16; i++) {
      const p = off + 4 * i;
      m[i] = src[p]! | (src[p + 1]! << 8) | (src[p + 2]! << 16) | (src[p + 3]! << 24);
    }
    let a = a0, b = b0, c = c0, d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) [f, g] = [(b & c) | (~b & d), i];
      else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) & 15];
      else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) & 15];
      else [f, g] = [c ^ (b | ~d), (7 * i) & 15];
      const x = (f + a + K[i]! + m[g]!) | 0;
      a = d;
      d = c;
      c = b;
      b = (b + ((x << S[i]!) | (x >>> (32 - S[i]!)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  };
  for (let off = 0; off + 64 <= (n & ~63); off += 64) block(bytes, off);
  for (let off = 0; off < tail.length; off += 64) block(tail, off);
  let hex = '';
  for (const w of [a0, b0, c0, d0]) for (let k = 0; k < 4; k++) hex += ((w >>> (8 * k)) & 0xff).toString(16).padStart(2, '0');
  return hex;
}
