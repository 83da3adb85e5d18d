// The fixed problems of optim.json (tools/fixtures/optim.py writes the same losses).
import type { Tensor } from '@torchlet/tensor';
import type { TensorValue } from './fixtureTools.js';
import { toTensor } from './fixtureTools.js';

export type ProblemName = 'quadratic' | 'mlp';
export interface ProblemSpec {
  params: TensorValue[];
  data: Record<string, TensorValue>;
}

/** Fresh leaf parameters and the data of a problem. */
export function buildProblem(spec: ProblemSpec): { params: Tensor[]; data: Record<string, Tensor> } {
  return {
    params: spec.params.map((p) => toTensor(p).requiresGrad_()),
    data: Object.fromEntries(Object.entries(spec.data).map(([k, v]) => [k, toTensor(v)])),
  };
}

/** The problem's loss, written with the same ops in the same order as the generator. */
export function lossOf(problem: ProblemName, params: readonly Tensor[], d: Record<string, Tensor>): Tensor {
  if (problem === 'quadratic') {
    const [x, y] = params as [Tensor, Tensor];
    const quad = x.matmul(d['A']!.matmul(x)).mul(0.5).sub(d['b']!.matmul(x));
    return quad.add(y.sub(d['C']!).pow(2).mul(d['W']!).sum().mul(0.5));
  }
  const [w1, b1, w2, b2] = params as [Tensor, Tensor, Tensor, Tensor];
  return d['X']!.matmul(w1.t()).add(b1).tanh().matmul(w2.t()).add(b2).sub(d['T']!).pow(2).mean();
}
