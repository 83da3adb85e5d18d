// Bernoulli draws: x.bernoulli_(p) with a scalar p compares a double uniform
// (53 bits) with p; with a tensor p, float (or bfloat16) p compares a float uniform (24 bits)
// and double p a double uniform, element by element in x's iteration order.

import { SCALAR_TYPE_NAME } from '../dtype.js';
import { RuntimeError } from '../errors.js';
import { isTensor } from '../operands.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { defineOp, traced } from '../trace.js';
import { broadcastShapes, fmtShape } from '../shape.js';
import { uniformDoubles, uniformFloats } from './distributions.js';
import { generatorFor } from './generator.js';
import { bernoulliOnDevice } from './philox.js';
import { readInIterationOrderOf, writeInIterationOrder } from './iterationOrder.js';
import type { GeneratorOptions } from './sampling.js';
import { fmt, notImplementedFor } from './sampling.js';

const BERNOULLI_ = defineOp('bernoulli_', false);
const BERNOULLI = defineOp('bernoulli', false);

const P_MESSAGE =
  'Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)';

/**
 * `x.bernoulli_(p=0.5, { generator })`: each element set to 1 with probability
 * `p` (a number, or a float tensor broadcast to `x`), else 0, in place.
 * @example torch.manualSeed(0); torch.empty(4).bernoulli_(0.5) // tensor([0., 0., 1., 0.])
 */
export function bernoulli_(x: Tensor, p: number | Tensor = 0.5, opts?: GeneratorOptions): Tensor {
  return traced(BERNOULLI_, [x, isTensor(p) ? p : undefined], isTensor(p) ? {} : { p }, () => fillBernoulli(x, p, opts), { inplace: true });
}

function fillBernoulli(x: Tensor, p: number | Tensor, opts: GeneratorOptions | undefined): Tensor {
  if (x.dtype === 'float16') throw notImplementedFor(isTensor(p) ? 'bernoulli_tensor_cpu_self_' : 'bernoulli_scalar_cpu_', x);
  const g = generatorFor(x.device, opts?.generator);
  if (!g.isCpu) {
    if (typeof p === 'number' && !(p >= 0 && p <= 1)) throw new RuntimeError(`bernoulli_ expects p to be in [0, 1], but got p=${fmt(p)}`);
    return bernoulliOnDevice(x, p, g);
  }
  const n = x.numel();
  const values = new Float64Array(n);
  if (!isTensor(p)) {
    if (!(p >= 0 && p <= 1)) throw new RuntimeError(`bernoulli_ expects p to be in [0, 1], but got p=${fmt(p)}`);
    uniformDoubles(g, values);
    for (let i = 0; i < n; i++) values[i] = values[i]! < p ? 1 : 0;
    return writeInIterationOrder(x, values);
  }
  if (p.dtype !== 'float32' && p.dtype !== 'float64' && p.dtype !== 'bfloat16') {
    throw new RuntimeError(`"bernoulli_tensor_cpu_p_" not implemented for '${SCALAR_TYPE_NAME[p.dtype]}'`);
  }
  const shape = broadcastShapes(x.shape, p.shape);
  if (shape.length !== x.ndim || shape.some((s, i) => s !== x.shape[i])) {
    throw new RuntimeError(`output with shape ${fmtShape(x.shape)} doesn't match the broadcast shape ${fmtShape(shape)}`);
  }
  const probs = readInIterationOrderOf(p.device === 'cpu' ? p : p.to('cpu'), x);
  for (const v of probs) if (!(v >= 0 && v <= 1)) throw new RuntimeError(P_MESSAGE);
  if (p.dtype === 'float64') uniformDoubles(g, values);
  else uniformFloats(g, values, 24);
  for (let i = 0; i < n; i++) values[i] = values[i]! < probs[i]! ? 1 : 0;
  return writeInIterationOrder(x, values);
}

/**
 * `torch.bernoulli(input, p?, { generator })`: a new tensor of 0s and 1s,
 * 1 with probability `input[i]` (or the scalar `p` for every element), in input's dtype.
 * @example torch.manualSeed(0); torch.bernoulli(torch.full([3], 0.5)) // tensor([1., 0., 1.])
 */
export function bernoulli(input: Tensor, p?: number | GeneratorOptions, opts?: GeneratorOptions): Tensor {
  const scalar = typeof p === 'number' ? p : undefined;
  const o = typeof p === 'object' ? p : opts;
  return traced(BERNOULLI, [input], scalar === undefined ? {} : { p: scalar }, () => {
    const out = emptyTensor(input.shape, input.dtype, input.device);
    return fillBernoulli(out, scalar ?? input, o);
  });
}
