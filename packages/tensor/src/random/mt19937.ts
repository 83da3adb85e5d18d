// The Mersenne Twister (MT19937) exactly as PyTorch's CPU generator runs it
// (at::mt19937): the whole state is regenerated when `left` reaches 0, and the
// engine keeps the fields PyTorch saves in `get_rng_state()`.

/** Words in the state vector. */
export const MT_N = 624;
const MT_M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

/** The twist of one word pair: upper bit of u, lower bits of v, shifted, xor MATRIX_A if v is odd. */
function mix(u: number, v: number): number {
  return (((u & UPPER) | (v & LOWER)) >>> 1) ^ (v & 1 ? MATRIX_A : 0);
}

/**
 * @internal A 32-bit MT19937 engine with PyTorch's bookkeeping (`seed`,
 * `left`, `next`), so its state round-trips through PyTorch's byte layout.
 * @example const mt = new MT19937(0n); mt.next32() // 2357136044
 */
export class MT19937 {
  /** The 64-bit seed it was seeded with (only the low 32 bits feed the state). */
  seed: bigint;
  /** Outputs left before the state is regenerated, plus one (1 right after seeding). */
  left: number;
  /** Index of the next state word to temper. */
  next: number;
  readonly state = new Uint32Array(MT_N);

  constructor(seed: bigint = 5489n) {
    this.seed = seed;
    this.left = 1;
    this.next = 0;
    this.reseed(seed);
  }

  /** Knuth's initialisation from the low 32 bits of `seed`, as `init_genrand`. */
  reseed(seed: bigint): void {
    const s = this.state;
    this.seed = BigInt.asUintN(64, seed);
    s[0] = Number(this.seed & 0xffffffffn);
    for (let j = 1; j < MT_N; j++) {
      const prev = s[j - 1]!;
      s[j] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + j) >>> 0;
    }
    this.left = 1;
    this.next = 0;
  }

  /** The next tempered 32-bit output, as an unsigned number. */
  next32(): number {
    if (--this.left === 0) this.twist();
    let y = this.state[this.next++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Fills `out` with the next `out.length` outputs: `next32()` in a loop, without the per-call overhead. */
  fill(out: Uint32Array): void {
    const s = this.state;
    let left = this.left;
    let next = this.next;
    for (let i = 0; i < out.length; i++) {
      if (--left === 0) {
        this.twist();
        left = MT_N;
        next = 0;
      }
      let y = s[next++]!;
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      out[i] = y;
    }
    this.left = left;
    this.next = next;
  }

  /** Regenerates all 624 words at once (Cokus's formulation, as PyTorch). */
  private twist(): void {
    const s = this.state;
    this.left = MT_N;
    this.next = 0;
    // three runs instead of a modulo per word: i + M wraps after N - M, i + 1 at the end
    let i = 0;
    for (; i < MT_N - MT_M; i++) s[i] = s[i + MT_M]! ^ mix(s[i]!, s[i + 1]!);
    for (; i < MT_N - 1; i++) s[i] = s[i + MT_M - MT_N]! ^ mix(s[i]!, s[i + 1]!);
    s[MT_N - 1] = s[MT_M - 1]! ^ mix(s[MT_N - 1]!, s[0]!);
  }
}
