// The tile shapes of the float32 matmul kernel, and which one a problem gets.
// A workgroup of wx × wy threads computes a (wy·tm) × (wx·tn) block of the
// output, each thread a tm × tn register tile, over k in steps of bk. Which
// shape is fastest depends on the GPU and on the problem's size: a device
// measures its candidates on its first problems of each size class
// (matmulTune.ts); until then the heuristic choice of `defaultTiles` runs.

/** One tile shape. tm and tn are multiples of 4 (vec4 rows in workgroup memory). */
export interface Tiles {
  readonly wx: number;
  readonly wy: number;
  readonly tm: number;
  readonly tn: number;
  readonly bk: number;
}

/** The candidates, named for the block they compute. */
export const TILE_CHOICES: Readonly<Record<string, Tiles>> = {
  '32x32x32': { wx: 8, wy: 8, tm: 4, tn: 4, bk: 32 },
  '64x64x16': { wx: 16, wy: 16, tm: 4, tn: 4, bk: 16 },
  '64x64x16/128': { wx: 16, wy: 8, tm: 8, tn: 4, bk: 16 },
  '128x64x16': { wx: 16, wy: 16, tm: 8, tn: 4, bk: 16 },
  '128x128x8': { wx: 16, wy: 16, tm: 8, tn: 8, bk: 8 },
};

/**
 * The size class of an m × k × n product: each dimension rounded down to a power of
 * two, capped (beyond 1024 the best tiles no longer change).
 *
 * @example sizeClass(100, 784, 256) // '64x512x256'
 */
export function sizeClass(m: number, k: number, n: number): string {
  const c = (v: number): number => Math.min(1024, 2 ** Math.floor(Math.log2(Math.max(1, v))));
  return `${c(m)}x${c(k)}x${c(n)}`;
}

/** The heuristic's order: the largest blocks first. */
const BY_SIZE = ['128x128x8', '128x64x16', '64x64x16', '32x32x32'] as const;

/**
 * The tile shape to use before (or without) measuring: the largest block that
 * wastes at most a quarter of its rows and of its columns on the edges and still
 * gives 32 workgroups or more; the smallest block otherwise.
 *
 * @example defaultTiles(32, 75, 32768) // TILE_CHOICES['32x32x32'] (32 rows)
 */
export function defaultTiles(m: number, _k: number, n: number): Tiles {
  const waste = (d: number, b: number): number => 1 - d / (Math.ceil(d / b) * b);
  for (const name of BY_SIZE) {
    const t = TILE_CHOICES[name]!;
    const [bm, bn] = [t.wy * t.tm, t.wx * t.tn];
    if (waste(m, bm) <= 0.25 && waste(n, bn) <= 0.25 && Math.ceil(m / bm) * Math.ceil(n / bn) >= 32) return t;
  }
  return TILE_CHOICES['32x32x32']!;
}

/** The name of a tile shape, for pipeline keys. */
export function tilesName(t: Tiles): string {
  return `${t.wx}.${t.wy}.${t.tm}.${t.tn}.${t.bk}`;
}
