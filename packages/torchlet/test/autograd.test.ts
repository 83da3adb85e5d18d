// The umbrella wires autograd in: `import * as torch from 'torchlet'` gives differentiable ops,
// torch.autograd and the grad-mode functions.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

describe('torch.autograd through the umbrella', () => {
  it('records ops and runs backward', () => {
    const w = torch.tensor([1, 2, 3], { dtype: 'float32', requiresGrad: true });
    const loss = w.mul(w).sum();
    expect(String(loss)).toBe('tensor(14., grad_fn=<SumBackward0>)');
    loss.backward();
    expect(w.grad!.equal(w.detach().mul(2))).toBe(true);
  });
  it('exposes torch.autograd and the grad modes', () => {
    const x = torch.tensor([0.5, 1.5], { dtype: 'float64', requiresGrad: true });
    expect(torch.autograd.gradcheck((t: torch.Tensor) => t.exp(), [x])).toBe(true);
    expect(torch.autograd.grad(x.sum(), [x])[0]!.equal(torch.onesLike(x))).toBe(true);
    expect(torch.noGrad(() => [torch.isGradEnabled(), x.mul(2).requiresGrad])).toEqual([false, false]);
    expect(typeof torch.autograd.Function.apply).toBe('function');
    expect(typeof torch.autograd.detectAnomaly).toBe('function');
  });
});
