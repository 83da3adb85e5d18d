// The oracle of `backend.randomBits`: Philox4x32-10, written from the paper
// (Salmon et al. 2011) with bigint products, independently of the contract's copy.

import { castScalar } from './scalar.js';
import { forEachIndex, setAt, type OracleView } from './view.js';

const MASK32 = 0xffffffffn;

/**
 * The four words of Philox4x32-10 for one 128-bit counter block and a 64-bit key.
 *
 * @example philoxBlock([0, 0, 0, 0], [0, 0]) // [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]
 */
export function philoxBlock(counter: readonly number[], key: readonly number[]): number[] {
  let c = counter.map((v) => BigInt(v >>> 0));
  let k0 = BigInt((key[0] ?? 0) >>> 0);
  let k1 = BigInt((key[1] ?? 0) >>> 0);
  for (let round = 0; round < 10; round++) {
    const p0 = 0xd2511f53n * (c[0] ?? 0n);
    const p1 = 0xcd9e8d57n * (c[2] ?? 0n);
    c = [(p1 >> 32n) ^ (c[1] ?? 0n) ^ k0, p1 & MASK32, (p0 >> 32n) ^ (c[3] ?? 0n) ^ k1, p0 & MASK32];
    k0 = (k0 + 0x9e3779b9n) & MASK32;
    k1 = (k1 + 0xbb67ae85n) & MASK32;
  }
  return c.map(Number);
}

/**
 * Fills the int32 view `out`, in row-major order, with the words of blocks
 * `counter`, `counter + 1`, … (block c has counter words [c mod 2^32, ⌊c / 2^32⌋, 0, 0]).
 *
 * @example randomBitsOracle(out, [1, 2], 0)
 */
export function randomBitsOracle(out: OracleView, key: readonly [number, number], counter: number): void {
  let k = 0;
  let words: number[] = [];
  forEachIndex(out.shape, (idx) => {
    if (k % 4 === 0) {
      const block = BigInt(counter) + BigInt(k / 4);
      words = philoxBlock([Number(block & MASK32), Number(block >> 32n), 0, 0], key);
    }
    setAt(out, idx, castScalar(words[k % 4] ?? 0, 'int32'));
    k++;
  });
}
