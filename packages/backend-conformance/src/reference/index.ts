// The conformance oracle: every backend primitive and fast path evaluated
// naively on plain JS values, independently of any backend.

export { binaryOracle, binaryScalar } from './binary.js';
export { conv2dInputGradOracle, conv2dOracle, conv2dWeightGradOracle } from './conv.js';
export { copyOracle, fillOracle } from './copy.js';
export { gatherOracle, nonzeroOracle, scatterAddOracle, scatterReduceOracle } from './indexing.js';
export { matmulOracle } from './matmul.js';
export { avgPool2dOracle, maxPool2dOracle } from './pool.js';
export { philoxBlock, randomBitsOracle } from './random.js';
export { reduceOracle } from './reduce.js';
export { castScalar, isFloatDtype, toBigint, truthy, zeroOf, type Scalar } from './scalar.js';
export { scanOracle } from './scan.js';
export { softmaxOracle } from './softmax.js';
export { sortOracle } from './sort.js';
export { erf, erfc, erfinv } from './special.js';
export { fromStorage, toStorage } from './storage.js';
export { unaryOracle } from './unary.js';
export { floatUnary, intUnary, isPredicate } from './unaryMath.js';
export { forEachIndex, getAt, operandAt, positionOf, setAt, sizeOf, viewValues, type OracleOperand, type OracleView } from './view.js';
export { whereOracle } from './where.js';
