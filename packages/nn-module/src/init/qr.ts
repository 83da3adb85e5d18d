// The Q of a reduced QR decomposition with R's diagonal made non-negative, for nn.init.orthogonal_
// (PyTorch: torch.linalg.qr, then q *= sign(diag(r))). Householder reflections in float64.

/**
 * Q (m × n, row-major) of the m × n matrix `a` (m >= n), columns scaled by sign(R_jj).
 * @example orthonormalColumns([3, 0, 4, 0], 2, 2) // Q of [[3, 0], [4, 0]]
 */
export function orthonormalColumns(a: ArrayLike<number>, m: number, n: number): Float64Array {
  const r = Float64Array.from(a);
  const vs: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    let norm = 0;
    for (let i = j; i < m; i++) norm += r[i * n + j]! * r[i * n + j]!;
    norm = Math.sqrt(norm);
    const x0 = r[j * n + j]!;
    const alpha = x0 > 0 ? -norm : norm;
    const v = new Float64Array(m - j);
    for (let i = j; i < m; i++) v[i - j] = r[i * n + j]!;
    v[0]! -= alpha;
    let vnorm = 0;
    for (const e of v) vnorm += e * e;
    vnorm = Math.sqrt(vnorm);
    if (vnorm > 0) for (let i = 0; i < v.length; i++) v[i]! /= vnorm;
    vs.push(v);
    // R ← (I − 2 v vᵀ) R on rows j.., columns j..
    for (let c = j; c < n; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i - j]! * r[i * n + c]!;
      for (let i = j; i < m; i++) r[i * n + c]! -= 2 * v[i - j]! * dot;
    }
  }
  // Q = H_0 H_1 … H_{n-1} applied to the first n columns of I, last reflection first
  const q = new Float64Array(m * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let j = n - 1; j >= 0; j--) {
    const v = vs[j]!;
    for (let c = 0; c < n; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += v[i - j]! * q[i * n + c]!;
      for (let i = j; i < m; i++) q[i * n + c]! -= 2 * v[i - j]! * dot;
    }
  }
  for (let c = 0; c < n; c++) {
    const s = Math.sign(r[c * n + c]!);
    for (let i = 0; i < m; i++) q[i * n + c]! *= s;
  }
  return q;
}
