// A Backend made of the oracle itself: it lets the suite test its own harness
// (layouts, reads, untouched elements) and the reference decompositions without
// any real backend. Not a backend to ship: it is as slow as it is simple.

import { DTYPES, type Backend, type BackendBuffer, type DType, type View } from '@torchlet/tensor/backend';
import {
  binaryOracle, copyOracle, fillOracle, fromStorage, gatherOracle, matmulOracle, randomBitsOracle, reduceOracle,
  scatterAddOracle, toStorage, unaryOracle, viewValues, whereOracle, zeroOf,
  type OracleOperand, type OracleView, type Scalar,
} from '../reference/index.js';

interface OracleBuffer extends BackendBuffer {
  readonly dtype: DType;
  readonly data: Scalar[];
}

function ov(v: View<OracleBuffer>): OracleView {
  return { data: v.buf.data, dtype: v.dtype, shape: v.shape, strides: v.strides, offset: v.offset };
}

function operand(x: View<OracleBuffer> | number): OracleOperand {
  return typeof x === 'number' ? x : ov(x);
}

/**
 * A backend whose every primitive is the oracle's.
 *
 * @example describeConformance('oracle', () => oracleBackend())
 */
export function oracleBackend(): Backend<OracleBuffer> {
  return {
    device: 'oracle',
    supports: {},
    dtypes: new Set<DType>(DTYPES),
    alloc: (dtype, size) => ({ size, dtype, data: Array.from({ length: size }, () => zeroOf(dtype)) }),
    free: () => {},
    write: (buf, data, offset = 0) => fromStorage(data, buf.dtype).forEach((v, i) => (buf.data[offset + i] = v)),
    read: async (view) => toStorage(viewValues(ov(view)), view.dtype),
    readSync: (view) => toStorage(viewValues(ov(view)), view.dtype),
    sync: async () => {},
    unary: (op, x, out) => unaryOracle(op, ov(x), ov(out)),
    binary: (op, a, b, out, computeDtype) => binaryOracle(op, operand(a), operand(b), ov(out), computeDtype),
    where: (cond, a, b, out) => whereOracle(ov(cond), operand(a), operand(b), ov(out)),
    reduce: (op, x, dims, out) => reduceOracle(op, ov(x), dims, ov(out)),
    copy: (src, dst) => copyOracle(ov(src), ov(dst)),
    fill: (out, value) => fillOracle(ov(out), value),
    matmul: (a, b, out) => matmulOracle(ov(a), ov(b), ov(out)),
    gather: (x, dim, index, out) => gatherOracle(ov(x), dim, ov(index), ov(out)),
    scatterAdd: (out, dim, index, src) => scatterAddOracle(ov(out), dim, ov(index), ov(src)),
    randomBits: (out, key, counter) => randomBitsOracle(ov(out), key, counter),
  };
}
