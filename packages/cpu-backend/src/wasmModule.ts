// Emits the WebAssembly SIMD GEMM micro-kernel module byte by byte. There is no
// C/Rust toolchain in the build, and the module is small enough that a typed
// emitter is clearer than a committed binary: this file *is* its source, and
// it is assembled once, on first use, in well under a millisecond.

/** The lane type of a kernel: f64x2 (float64 accumulation) or f32x4 (float32). */
export type Lanes = 'f64' | 'f32';

// opcodes (WebAssembly core + SIMD proposals)
const OP = {
  loop: 0x03, end: 0x0b, brIf: 0x0d, localGet: 0x20, localSet: 0x21, localTee: 0x22,
  i32Const: 0x41, i32Ne: 0x47, i32LtU: 0x49, i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, simd: 0xfd,
} as const;
const SIMD = { load: 0x00, load32Splat: 0x09, load64Splat: 0x0a, store: 0x0b, const: 0x0c, f32x4Add: 0xe4, f32x4Mul: 0xe6, f64x2Add: 0xf0, f64x2Mul: 0xf2 } as const;
const I32 = 0x7f;
// rows of the register tile: 6 and 8 (12, 16 accumulators) measured slower in V8 than 4
const MR = 4;
const V128 = 0x7b;

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];

/**
 * Rows of A and columns of B in one register tile, and bytes per element, for `lanes`.
 *
 * @example
 * tileShape('f32'); // { mr: 4, nr: 8, bytes: 4 }
 */
export function tileShape(lanes: Lanes): { mr: number; nr: number; bytes: number } {
  // MR rows × 2 vectors of C either way: 4 f64 or 8 f32 columns
  return lanes === 'f64' ? { mr: MR, nr: 4, bytes: 8 } : { mr: MR, nr: 8, bytes: 4 };
}

/**
 * The body of `macro(ap, bp, cp, mc, nc, kc)`: C[mc×nc] = Ap · Bp, with Ap the
 * packed MR-row panels at byte `ap`, Bp the packed NR-column panels at `bp`,
 * C row-major at `cp` (row stride nc); mc, nc are multiples of MR, NR; kc ≥ 1.
 */
function macroBody(lanes: Lanes): number[] {
  const { mr, nr, bytes } = tileShape(lanes);
  const [AP, BP, CP, MC, NC, KC] = [0, 1, 2, 3, 4, 5];
  const [JR, IR, P, APTR, BPTR, CROW, LDCB] = [6, 7, 8, 9, 10, 11, 12];
  const ACC = 13; // 2·mr accumulators: row r, vector v at ACC + 2r + v
  const [B0, B1, AV] = [ACC + 2 * mr, ACC + 2 * mr + 1, ACC + 2 * mr + 2];
  const splat = lanes === 'f64' ? SIMD.load64Splat : SIMD.load32Splat;
  const add = lanes === 'f64' ? SIMD.f64x2Add : SIMD.f32x4Add;
  const mul = lanes === 'f64' ? SIMD.f64x2Mul : SIMD.f32x4Mul;
  const simd = (op: number, ...imm: number[]): number[] => [OP.simd, ...uleb(op), ...imm];
  const get = (l: number): number[] => [OP.localGet, l];
  const set = (l: number): number[] => [OP.localSet, l];
  const i32 = (n: number): number[] => [OP.i32Const, ...sleb(n)];
  const memarg = (offset: number): number[] => [0, ...uleb(offset)];
  const code: number[] = [];
  // ldc in bytes
  code.push(...get(NC), ...i32(bytes), OP.i32Mul, ...set(LDCB));
  code.push(...i32(0), ...set(JR), OP.loop, 0x40);
  code.push(...i32(0), ...set(IR), OP.loop, 0x40);
  for (let q = 0; q < 2 * mr; q++) code.push(...simd(SIMD.const, ...new Array<number>(16).fill(0)), ...set(ACC + q));
  // aPtr = ap + ir·kc·bytes; bPtr = bp + jr·kc·bytes
  code.push(...get(AP), ...get(IR), ...get(KC), OP.i32Mul, ...i32(bytes), OP.i32Mul, OP.i32Add, ...set(APTR));
  code.push(...get(BP), ...get(JR), ...get(KC), OP.i32Mul, ...i32(bytes), OP.i32Mul, OP.i32Add, ...set(BPTR));
  code.push(...get(KC), ...set(P), OP.loop, 0x40);
  code.push(...get(BPTR), ...simd(SIMD.load, ...memarg(0)), ...set(B0));
  code.push(...get(BPTR), ...simd(SIMD.load, ...memarg(16)), ...set(B1));
  for (let r = 0; r < mr; r++) {
    code.push(...get(APTR), ...simd(splat, ...memarg(r * bytes)), ...set(AV));
    for (let v = 0; v < 2; v++) {
      code.push(...get(ACC + 2 * r + v), ...get(AV), ...get(v === 0 ? B0 : B1), ...simd(mul), ...simd(add), ...set(ACC + 2 * r + v));
    }
  }
  code.push(...get(APTR), ...i32(mr * bytes), OP.i32Add, ...set(APTR));
  code.push(...get(BPTR), ...i32(nr * bytes), OP.i32Add, ...set(BPTR));
  code.push(...get(P), ...i32(1), OP.i32Sub, OP.localTee, P, OP.brIf, 0, OP.end);
  // cRow = cp + ir·ldcB + jr·bytes; one row of the tile per ldcB
  code.push(...get(CP), ...get(IR), ...get(LDCB), OP.i32Mul, OP.i32Add, ...get(JR), ...i32(bytes), OP.i32Mul, OP.i32Add, ...set(CROW));
  for (let r = 0; r < mr; r++) {
    for (let v = 0; v < 2; v++) code.push(...get(CROW), ...get(ACC + 2 * r + v), ...simd(SIMD.store, ...memarg(16 * v)));
    code.push(...get(CROW), ...get(LDCB), OP.i32Add, ...set(CROW));
  }
  code.push(...get(IR), ...i32(mr), OP.i32Add, OP.localTee, IR, ...get(MC), OP.i32LtU, OP.brIf, 0, OP.end);
  code.push(...get(JR), ...i32(nr), OP.i32Add, OP.localTee, JR, ...get(NC), OP.i32LtU, OP.brIf, 0, OP.end);
  code.push(OP.end);
  const locals = vec([[...uleb(7), I32], [...uleb(2 * mr + 3), V128]]);
  return [...locals, ...code];
}

/**
 * The module's bytes: exports `memory` (`pages` 64 KiB pages, growable) and
 * `macro(ap, bp, cp, mc, nc, kc)` (see `macroBody`) for `lanes`.
 *
 * @example
 * new WebAssembly.Module(gemmModuleBytes('f64', 32));
 */
export function gemmModuleBytes(lanes: Lanes, pages: number): Uint8Array<ArrayBuffer> {
  const body = macroBody(lanes);
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32]]), 0x00]])),
    ...section(3, vec([[0x00]])),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(7, vec([[...name('macro'), 0x00, 0x00], [...name('memory'), 0x02, 0x00]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ];
  return new Uint8Array(bytes);
}
