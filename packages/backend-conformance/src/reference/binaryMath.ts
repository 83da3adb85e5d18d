// Each binary op on one pair of values, as PyTorch's CPU kernels define it:
// floats in double precision with `round` (to the compute dtype) applied after
// every intermediate step, integers on bigints (the caller wraps), bools as 0n/1n.

import type { BinaryOp } from '@torchlet/tensor/backend';

/** C's pow, which differs from Math.pow at pow(1, NaN), pow(±1, ±Inf). */
function cPow(a: number, b: number): number {
  if (b === 0 || a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

/** Python's floor division as c10::div_floor_floating computes it. */
function floorDivFloat(a: number, b: number, round: (x: number) => number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = round(round(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) div = round(div - 1);
  if (div === 0) return (a / b < 0 || Object.is(a / b, -0)) ? -0 : 0;
  let floored = Math.floor(div);
  if (round(div - floored) > 0.5) floored += 1;
  return floored;
}

const COMPARE: Partial<Record<BinaryOp, (a: number, b: number) => boolean>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  logicalAnd: (a, b) => a !== 0 && b !== 0,
  logicalOr: (a, b) => a !== 0 || b !== 0,
  logicalXor: (a, b) => (a !== 0) !== (b !== 0),
};

/**
 * `op(a, b)` on floats in double precision; `round` rounds intermediate steps to
 * the compute dtype (the caller rounds the result). Comparisons return 0/1.
 *
 * @example floatBinary('remainder', -3, 2, Math.fround) // 1
 */
export function floatBinary(op: BinaryOp, a: number, b: number, round: (x: number) => number): number {
  const cmp = COMPARE[op];
  if (cmp) return cmp(a, b) ? 1 : 0;
  switch (op) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'div': return a / b;
    case 'floorDiv': return floorDivFloat(a, b, round);
    case 'truncDiv': return Math.trunc(round(a / b));
    case 'pow': return cPow(a, b);
    case 'remainder': {
      const mod = a % b;
      return mod !== 0 && b < 0 !== mod < 0 ? mod + b : mod;
    }
    case 'fmod': return a % b;
    case 'maximum': return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b);
    case 'minimum': return Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b);
    case 'fmax': return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
    case 'fmin': return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
    case 'atan2': return Math.atan2(a, b);
    case 'hypot': return Math.hypot(a, b);
    case 'copysign': return b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a);
    case 'xlogy': return Number.isNaN(b) ? NaN : a === 0 ? 0 : a * Math.log(b);
    default: throw new Error(`oracle: binary ${op} is not defined on floats`);
  }
}

/** Comparisons and logical ops on bigints (exact beyond 2^53). */
function compareInts(op: BinaryOp, a: bigint, b: bigint): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'lt': return a < b;
    case 'le': return a <= b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
    default: return COMPARE[op]?.(a === 0n ? 0 : 1, b === 0n ? 0 : 1) ?? false;
  }
}

/** a ** b modulo 2^64 (b ≥ 0), by squaring. */
function powMod64(a: bigint, b: bigint): bigint {
  let result = 1n;
  let base = BigInt.asIntN(64, a);
  for (let e = b; e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
  }
  return result;
}

/**
 * `op(a, b)` on integers of a `bits`-wide dtype (the caller wraps the result).
 * Division by zero, negative powers and shifts outside [0, bits) are errors or
 * undefined in PyTorch; they are given a value here but never tested.
 *
 * @example intBinary('floorDiv', -7n, 2n, 8) // -4n
 */
export function intBinary(op: BinaryOp, a: bigint, b: bigint, bits: number): bigint {
  const cmp = COMPARE[op];
  if (cmp) return compareInts(op, a, b) ? 1n : 0n;
  switch (op) {
    case 'add': return a + b;
    case 'sub': return a - b;
    case 'mul': return a * b;
    case 'floorDiv': {
      if (b === 0n) return 0n;
      const q = a / b;
      return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
    }
    case 'truncDiv': return b === 0n ? 0n : a / b;
    case 'remainder': {
      if (b === 0n) return 0n;
      const r = a % b;
      return r !== 0n && r < 0n !== b < 0n ? r + b : r;
    }
    case 'fmod': return b === 0n ? 0n : a % b;
    case 'pow': return b < 0n ? (a === 1n ? 1n : a === -1n ? (b % 2n === 0n ? 1n : -1n) : 0n) : powMod64(a, b);
    case 'maximum':
    case 'fmax': return a > b ? a : b;
    case 'minimum':
    case 'fmin': return a < b ? a : b;
    case 'bitwiseAnd': return a & b;
    case 'bitwiseOr': return a | b;
    case 'bitwiseXor': return a ^ b;
    case 'leftShift': return b < 0n || b >= BigInt(bits) ? 0n : a << b;
    case 'rightShift': return b < 0n || b >= BigInt(bits) ? (a < 0n ? -1n : 0n) : a >> b;
    default: throw new Error(`oracle: binary ${op} is not defined on integers`);
  }
}

/**
 * `op(a, b)` on bools (0n/1n): add is or, mul is and, as in PyTorch.
 *
 * @example boolBinary('add', 1n, 1n) // 1n
 */
export function boolBinary(op: BinaryOp, a: bigint, b: bigint): bigint {
  switch (op) {
    case 'add':
    case 'maximum':
    case 'fmax':
    case 'bitwiseOr': return a | b;
    case 'mul':
    case 'minimum':
    case 'fmin':
    case 'bitwiseAnd': return a & b;
    case 'bitwiseXor': return a ^ b;
    default: return intBinary(op, a, b, 1);
  }
}
