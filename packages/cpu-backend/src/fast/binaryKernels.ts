// Tight typed-array loops for binary ops over one row: both operands stepping by 1
// (vv), or one of them a single value (vs, sv). The store into the output array does
// the rounding (float32) or wrapping (int32) that the general path does explicitly.
// Indices are `(start + i) | 0` (callers check smallIndex): V8 then drops the overflow checks.

import type { BinaryOp } from '@torchlet/tensor/backend';
import type { BinaryFn } from '../binaryOps.js';
import type { FastDType, NumArray } from './dtypes.js';


type VV = (o: NumArray, oo: number, x: NumArray, xo: number, y: NumArray, yo: number, n: number) => void;
type VS = (o: NumArray, oo: number, x: NumArray, xo: number, y: number, n: number) => void;
type SV = (o: NumArray, oo: number, x: number, y: NumArray, yo: number, n: number) => void;

/** The three row loops of one op. */
export interface BinaryKernel {
  readonly vv: VV;
  readonly vs: VS;
  readonly sv: SV;
}

/** Loops calling `f` per element: every op without a hand-written kernel. */
export function genericKernel(f: BinaryFn): BinaryKernel {
  return {
    vv: (o, oo, x, xo, y, yo, n) => {
      for (let i = 0; i < n; i++) o[(oo + i) | 0] = f(x[(xo + i) | 0]!, y[(yo + i) | 0]!);
    },
    vs: (o, oo, x, xo, y, n) => {
      for (let i = 0; i < n; i++) o[(oo + i) | 0] = f(x[(xo + i) | 0]!, y);
    },
    sv: (o, oo, x, y, yo, n) => {
      for (let i = 0; i < n; i++) o[(oo + i) | 0] = f(x, y[(yo + i) | 0]!);
    },
  };
}

const add: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! + y[(yo + i) | 0]!; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! + y; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x + y[(yo + i) | 0]!; },
};
const sub: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! - y[(yo + i) | 0]!; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! - y; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x - y[(yo + i) | 0]!; },
};
const mul: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! * y[(yo + i) | 0]!; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! * y; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x * y[(yo + i) | 0]!; },
};
const imul: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = Math.imul(x[(xo + i) | 0]!, y[(yo + i) | 0]!); },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = Math.imul(x[(xo + i) | 0]!, y); },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = Math.imul(x, y[(yo + i) | 0]!); },
};
const div: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! / y[(yo + i) | 0]!; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! / y; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x / y[(yo + i) | 0]!; },
};
const lt: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! < y[(yo + i) | 0]! ? 1 : 0; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! < y ? 1 : 0; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x < y[(yo + i) | 0]! ? 1 : 0; },
};
const le: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! <= y[(yo + i) | 0]! ? 1 : 0; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! <= y ? 1 : 0; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x <= y[(yo + i) | 0]! ? 1 : 0; },
};
const eq: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! === y[(yo + i) | 0]! ? 1 : 0; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! === y ? 1 : 0; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x === y[(yo + i) | 0]! ? 1 : 0; },
};
const ne: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! !== y[(yo + i) | 0]! ? 1 : 0; },
  vs: (o, oo, x, xo, y, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x[(xo + i) | 0]! !== y ? 1 : 0; },
  sv: (o, oo, x, y, yo, n) => { for (let i = 0; i < n; i++) o[(oo + i) | 0] = x !== y[(yo + i) | 0]! ? 1 : 0; },
};

// maximum/minimum propagate NaN (the first operand's when both are): the float semantics, identical for int32
const maximum: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => {
    for (let i = 0; i < n; i++) {
      const a = x[(xo + i) | 0]!;
      const b = y[(yo + i) | 0]!;
      o[(oo + i) | 0] = a !== a ? a : b !== b ? b : a < b ? b : a;
    }
  },
  vs: (o, oo, x, xo, b, n) => {
    for (let i = 0; i < n; i++) {
      const a = x[(xo + i) | 0]!;
      o[(oo + i) | 0] = a !== a ? a : b !== b ? b : a < b ? b : a;
    }
  },
  sv: (o, oo, a, y, yo, n) => {
    for (let i = 0; i < n; i++) {
      const b = y[(yo + i) | 0]!;
      o[(oo + i) | 0] = a !== a ? a : b !== b ? b : a < b ? b : a;
    }
  },
};
const minimum: BinaryKernel = {
  vv: (o, oo, x, xo, y, yo, n) => {
    for (let i = 0; i < n; i++) {
      const a = x[(xo + i) | 0]!;
      const b = y[(yo + i) | 0]!;
      o[(oo + i) | 0] = a !== a ? a : b !== b ? b : b < a ? b : a;
    }
  },
  vs: (o, oo, x, xo, b, n) => {
    for (let i = 0; i < n; i++) {
      const a = x[(xo + i) | 0]!;
      o[(oo + i) | 0] = a !== a ? a : b !== b ? b : b < a ? b : a;
    }
  },
  sv: (o, oo, a, y, yo, n) => {
    for (let i = 0; i < n; i++) {
      const b = y[(yo + i) | 0]!;
      o[(oo + i) | 0] = a !== a ? a : b !== b ? b : b < a ? b : a;
    }
  },
};

/** `a > b` is `b < a` and `a >= b` is `b <= a` (NaN gives false either way): the operands swap. */
function swapped(k: BinaryKernel): BinaryKernel {
  return {
    vv: (o, oo, x, xo, y, yo, n) => k.vv(o, oo, y, yo, x, xo, n),
    vs: (o, oo, x, xo, y, n) => k.sv(o, oo, y, x, xo, n),
    sv: (o, oo, x, y, yo, n) => k.vs(o, oo, y, yo, x, n),
  };
}

/** Hand-written kernels for float compute (float32/float64), valid for int32 where noted by {@link kernelFor}. */
const KERNELS: Partial<Record<BinaryOp, BinaryKernel>> = { add, sub, mul, div, maximum, minimum, lt, le, gt: swapped(lt), ge: swapped(le), eq, ne };

/**
 * The row loops of `op` computed in float32/float64/int32 (`f`: its scalar semantics, for ops without a
 * kernel), or null where the general path must run.
 *
 * @example
 * kernelFor('add', 'float32', binaryFn('add', 'float32')).vv(o, 0, x, 0, y, 0, n);
 */
export function kernelFor(op: BinaryOp, dtype: FastDType, f: BinaryFn): BinaryKernel | null {
  if (dtype === 'int32') {
    // the general path raises on a zero divisor before storing the chunk: it keeps these
    if (op === 'floorDiv' || op === 'truncDiv' || op === 'remainder' || op === 'fmod') return null;
    // the Int32Array store wraps sums, differences and quotients as `| 0` does; products need imul
    if (op === 'mul') return imul;
  }
  return KERNELS[op] ?? genericKernel(f);
}
