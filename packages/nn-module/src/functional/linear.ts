// F.linear and F.bilinear.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, signature } from '@torchlet/tensor';
import type { Args } from '../args.js';

const LINEAR = signature<{ '': { input: Tensor; weight: Tensor; bias: Tensor | null } }>('linear(Tensor input, Tensor weight, Tensor? bias=None)');
const BILINEAR = signature<{ '': { input1: Tensor; input2: Tensor; weight: Tensor; bias: Tensor | null } }>(
  'bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias=None)',
);

/**
 * `F.linear(input, weight, bias=None)`: `input @ weight.T + bias`, input [*, in], weight [out, in].
 * @example F.linear(torch.ones(2, 3), torch.ones(4, 3)).shape // [2, 4]
 */
export function linear(input: Tensor, weight: Tensor, ...rest: Args<[bias: Tensor | null], { bias?: Tensor | null }>): Tensor {
  const a = LINEAR.parse([input, weight, ...rest]);
  const out = a.input.matmul(a.weight.t());
  return a.bias === null ? out : out.add(a.bias);
}

/**
 * `F.bilinear(input1, input2, weight, bias=None)`: `y[…, o] = x1ᵀ A[o] x2 + b[o]`, inputs [*, in1]
 * and [*, in2], weight [out, in1, in2].
 * @example F.bilinear(torch.ones(5, 2), torch.ones(5, 3), torch.ones(4, 2, 3)).shape // [5, 4]
 */
export function bilinear(input1: Tensor, input2: Tensor, weight: Tensor, ...rest: Args<[bias: Tensor | null], { bias?: Tensor | null }>): Tensor {
  const a = BILINEAR.parse([input1, input2, weight, ...rest]);
  const [out, in1, in2] = a.weight.shape as [number, number, number];
  const x1 = a.input1;
  const x2 = a.input2;
  if (x1.shape.at(-1) !== in1) throw new RuntimeError(`input1 size does not match weight size: got ${x1.shape.at(-1)} but expected ${in1}`);
  if (x2.shape.at(-1) !== in2) throw new RuntimeError(`input2 size does not match weight size: got ${x2.shape.at(-1)} but expected ${in2}`);
  const lead = x1.shape.slice(0, -1);
  // (x1 · A[o]) for every o at once: [N, in1] @ [in1, out·in2], then · x2 summed over in2
  const t = x1.reshape(-1, in1).matmul(a.weight.permute(1, 0, 2).reshape(in1, out * in2)).view(-1, out, in2);
  let y = t.mul(x2.reshape(-1, 1, in2)).sum(-1);
  if (a.bias !== null) y = y.add(a.bias);
  return y.reshape(...lead, out);
}
