// The block-kernel contract of the GEMM core, and its TypeScript kernel (the
// fallback where WebAssembly SIMD is unavailable).

/** Packed panels and the C block one kernel call fills. */
export interface BlockWorkspace {
  /** ⌈mc/mr⌉ panels of mr×kc, k-major inside a panel. */
  readonly ap: Float32Array | Float64Array;
  /** ⌈nc/nr⌉ panels of kc×nr, k-major inside a panel. */
  readonly bp: Float32Array | Float64Array;
  /** The result block, row-major with row stride `nc` (as passed to `run`). */
  readonly c: Float32Array | Float64Array;
  /** c[mc×nc] = Ap · Bp; mc, nc are multiples of mr, nr and kc ≥ 1. */
  run(mc: number, nc: number, kc: number): void;
}

/** A micro-kernel with an mr×nr register tile, driven over whole packed blocks. */
export interface BlockKernel {
  readonly mr: number;
  readonly nr: number;
  /** Buffers for panels of apLen and bpLen elements and a C block of cLen (reused across calls). */
  workspace(apLen: number, bpLen: number, cLen: number): BlockWorkspace;
}

let scratch = new Float64Array(0);

/** The TypeScript 4×4 micro-kernel over every (A panel, B panel) pair of a block. */
function tsBlock(ap: Float64Array, bp: Float64Array, c: Float64Array, mc: number, nc: number, kc: number): void {
  for (let jr = 0; jr < nc; jr += 4) {
    for (let ir = 0; ir < mc; ir += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0, ai = ir * kc, bi = jr * kc; p < kc; p++, ai += 4, bi += 4) {
        const a0 = ap[ai]!, a1 = ap[ai + 1]!, a2 = ap[ai + 2]!, a3 = ap[ai + 3]!;
        const b0 = bp[bi]!, b1 = bp[bi + 1]!, b2 = bp[bi + 2]!, b3 = bp[bi + 3]!;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      const r0 = ir * nc + jr, r1 = r0 + nc, r2 = r1 + nc, r3 = r2 + nc;
      c[r0] = c00; c[r0 + 1] = c01; c[r0 + 2] = c02; c[r0 + 3] = c03;
      c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
      c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
      c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
    }
  }
}

/**
 * The TypeScript kernel: 4×4 register tile, float64 accumulation.
 *
 * @example
 * const ws = tsKernel.workspace(4 * 8, 4 * 8, 16); // then pack into ws.ap / ws.bp and ws.run(4, 4, 8)
 */
export const tsKernel: BlockKernel = {
  mr: 4,
  nr: 4,
  workspace(apLen, bpLen, cLen) {
    // one buffer, kept between calls (gemm never nests), grown to the largest request
    if (scratch.length < apLen + bpLen + cLen) scratch = new Float64Array(apLen + bpLen + cLen);
    const ap = scratch.subarray(0, apLen);
    const bp = scratch.subarray(apLen, apLen + bpLen);
    const c = scratch.subarray(apLen + bpLen, apLen + bpLen + cLen);
    return { ap, bp, c, run: (mc, nc, kc) => tsBlock(ap, bp, c, mc, nc, kc) };
  },
};
