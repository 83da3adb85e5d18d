// A PyTorch-style training loop holds memory flat: saved tensors are released by backward,
// the pass's temporaries are disposed, and tidy frees the forward's.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { noGrad } from '../src/index.js';

describe('memory over training steps', () => {
  it('stays flat over many steps of forward, backward and an in-place update', () => {
    const w = torch.full([8, 4], 0.1, { dtype: 'float32' }).requiresGrad_();
    const b = torch.zeros(4, { requiresGrad: true });
    const x = torch.ones(16, 8);
    const step = () =>
      torch.tidy(() => {
        const loss = x.matmul(w).add(b).relu().logSoftmax(1).mean().neg();
        loss.backward();
        noGrad(() => {
          w.sub_(w.grad!.mul(0.1));
          b.sub_(b.grad!.mul(0.1));
          w.grad!.zero_();
          b.grad!.zero_();
        });
      });
    for (let i = 0; i < 3; i++) step();
    const before = torch.memory().cpu!;
    for (let i = 0; i < 50; i++) step();
    const after = torch.memory().cpu!;
    expect(after.tensors - before.tensors).toBe(0);
    expect(after.bytes - before.bytes).toBe(0);
    expect(w.grad!.isDisposed).toBe(false);
  });
});
