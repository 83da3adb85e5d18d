// A CIFAR-10-shaped conv net (conv2d → relu → maxPool2d → conv2d → relu → maxPool2d → flatten →
// linear by matmul) on [2, 3, 32, 32]: .grad is null before backward and set after, and after
// zeroing, two backwards through one graph accumulate exactly as PyTorch's
// (tools/fixtures/autograd_tensor_ops.py, "convnet").
import './setup.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { InputSpec, TensorValue } from './fixtureTools.js';
import { buildInput, compare } from './fixtureTools.js';

const fixture = (
  JSON.parse(readFileSync(new URL('./fixtures/autogradTensorOps.json', import.meta.url), 'utf8')) as {
    convnet: { inputs: InputSpec[]; out: TensorValue; grad_fn: string; first: TensorValue[]; grads: TensorValue[] };
  }
).convnet;

const NAMES = ['x', 'conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias', 'fc.weight', 'fc.bias'];

function loss(x: Tensor, w1: Tensor, b1: Tensor, w2: Tensor, b2: Tensor, w3: Tensor, b3: Tensor): Tensor {
  let h = torch.maxPool2d(torch.conv2d(x, w1, b1, { padding: 1 }).relu(), 2);
  h = torch.maxPool2d(torch.conv2d(h, w2, b2, { padding: 1 }).relu(), 2);
  const logits = h.flatten(1).matmul(w3.t()).add(b3);
  const target = torch.tensor([3, 7]);
  return logits.logSoftmax(1).at(torch.arange(2), target).mean().neg();
}

describe('a CIFAR-10-shaped conv net', () => {
  it('has .grad null before backward, PyTorch’s gradients after, and accumulates as PyTorch over two more backwards', () => {
    const params = fixture.inputs.map((s, k) => buildInput(s, k));
    const [x, w1, b1, w2, b2, w3, b3] = params as [Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, Tensor];
    expect(params.map((p) => p.grad)).toEqual(params.map(() => null));
    const out = loss(x, w1, b1, w2, b2, w3, b3);
    expect(compare(out, fixture.out)).toBe('');
    expect(out.gradFn?.name()).toBe(fixture.grad_fn);
    out.backward();
    params.forEach((p, i) => expect(compare(p.grad, fixture.first[i]!), `first .grad of ${NAMES[i]}`).toBe(''));
    for (const p of params) p.grad!.zero_();
    const out2 = loss(x, w1, b1, w2, b2, w3, b3);
    out2.backward(undefined, { retainGraph: true });
    out2.backward();
    params.forEach((p, i) => expect(compare(p.grad, fixture.grads[i]!), `accumulated .grad of ${NAMES[i]}`).toBe(''));
  });
});
