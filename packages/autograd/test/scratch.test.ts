import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import '../src/index.js';
import { grad } from '../src/index.js';
registerBackend(cpu());

describe('scratch', () => {
  it('basic', () => {
    const x = torch.tensor([[1, 2], [3, 4]], { dtype: 'float64', requiresGrad: true });
    const y = x.mul(x).sum();
    console.log(String(y), y.gradFn?.name());
    y.backward();
    console.log(String(x.grad));
    const z = x.exp().sin().mean(1).sum();
    const [g] = grad(z, [x]);
    console.log(String(g));
    const a = x.mul(1);
    const v = a.at(0);
    v.mul_(2);
    console.log(String(a), String(v));
    a.sum().backward();
    console.log(String(x.grad));
    expect(1).toBe(1);
  });
});
