// A register-blocked float64 gemm: four rows of C against four rows of B per
// pass, so that each B element loaded feeds four rows and each C element
// stored carries sixteen products (about 2–3× the plain i-k-j loop in V8).

/**
 * c[M×N] = a[M×K] · b[K×N] for contiguous row-major float64 arrays (c is overwritten).
 *
 * @example
 * gemmBlocked(a, b, c, 32, 75, 1024);
 */
export function gemmBlocked(a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number): void {
  c.fill(0, 0, m * n);
  const m4 = m - (m % 4);
  const k4 = k - (k % 4);
  for (let i = 0; i < m4; i += 4) {
    const c0 = i * n;
    const c1 = c0 + n;
    const c2 = c1 + n;
    const c3 = c2 + n;
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    let p = 0;
    for (; p < k4; p += 4) {
      const x00 = a[a0 + p]!, x01 = a[a0 + p + 1]!, x02 = a[a0 + p + 2]!, x03 = a[a0 + p + 3]!;
      const x10 = a[a1 + p]!, x11 = a[a1 + p + 1]!, x12 = a[a1 + p + 2]!, x13 = a[a1 + p + 3]!;
      const x20 = a[a2 + p]!, x21 = a[a2 + p + 1]!, x22 = a[a2 + p + 2]!, x23 = a[a2 + p + 3]!;
      const x30 = a[a3 + p]!, x31 = a[a3 + p + 1]!, x32 = a[a3 + p + 2]!, x33 = a[a3 + p + 3]!;
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        const y0 = b[b0 + j]!;
        const y1 = b[b1 + j]!;
        const y2 = b[b2 + j]!;
        const y3 = b[b3 + j]!;
        c[c0 + j] = c[c0 + j]! + x00 * y0 + x01 * y1 + x02 * y2 + x03 * y3;
        c[c1 + j] = c[c1 + j]! + x10 * y0 + x11 * y1 + x12 * y2 + x13 * y3;
        c[c2 + j] = c[c2 + j]! + x20 * y0 + x21 * y1 + x22 * y2 + x23 * y3;
        c[c3 + j] = c[c3 + j]! + x30 * y0 + x31 * y1 + x32 * y2 + x33 * y3;
      }
    }
    for (; p < k; p++) {
      const x0 = a[a0 + p]!;
      const x1 = a[a1 + p]!;
      const x2 = a[a2 + p]!;
      const x3 = a[a3 + p]!;
      const bp = p * n;
      for (let j = 0; j < n; j++) {
        const y = b[bp + j]!;
        c[c0 + j] = c[c0 + j]! + x0 * y;
        c[c1 + j] = c[c1 + j]! + x1 * y;
        c[c2 + j] = c[c2 + j]! + x2 * y;
        c[c3 + j] = c[c3 + j]! + x3 * y;
      }
    }
  }
  // the last m mod 4 rows, one at a time
  for (let i = m4; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const x = a[i * k + p]!;
      const bp = p * n;
      for (let j = 0; j < n; j++) c[ci + j] = c[ci + j]! + x * b[bp + j]!;
    }
  }
}

/**
 * c[M×N] = a[M×K] · b[N×K]ᵀ for contiguous row-major float64 arrays (c is
 * overwritten): dot products of rows, sixteen at a time (4 rows of a × 4 rows
 * of b), so that both operands stream along their contiguous K.
 *
 * @example
 * gemmTransposedB(gradOut, cols, gradW, 32, 1024, 75);
 */
export function gemmTransposedB(a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * k;
      const b1 = b0 + k;
      const b2 = b1 + k;
      const b3 = b2 + k;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = a[a0 + p]!, x1 = a[a1 + p]!, x2 = a[a2 + p]!, x3 = a[a3 + p]!;
        const y0 = b[b0 + p]!, y1 = b[b1 + p]!, y2 = b[b2 + p]!, y3 = b[b3 + p]!;
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      const r0 = i * n + j;
      c[r0] = s00; c[r0 + 1] = s01; c[r0 + 2] = s02; c[r0 + 3] = s03;
      c[r0 + n] = s10; c[r0 + n + 1] = s11; c[r0 + n + 2] = s12; c[r0 + n + 3] = s13;
      c[r0 + 2 * n] = s20; c[r0 + 2 * n + 1] = s21; c[r0 + 2 * n + 2] = s22; c[r0 + 2 * n + 3] = s23;
      c[r0 + 3 * n] = s30; c[r0 + 3 * n + 1] = s31; c[r0 + 3 * n + 2] = s32; c[r0 + 3 * n + 3] = s33;
    }
  }
  // the leftover rows of a and of b, one dot product at a time
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p]! * b[j * k + p]!;
      c[i * n + j] = s;
    }
  }
}
