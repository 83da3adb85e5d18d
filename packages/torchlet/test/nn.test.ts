// torch.nn from the umbrella: the API.md training loop (class fields, call, parameters,
// zeroGrad) and the nn namespaces (F, init, utils, Parameter).
import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';

const { nn } = torch;

class Net extends nn.Module {
  conv1 = new nn.Conv2d(3, 8, 3, { padding: 1 });
  pool = new nn.MaxPool2d(2);
  fc = new nn.Linear(8 * 4 * 4, 3);
  override forward(x: torch.Tensor): torch.Tensor {
    return this.fc.call(this.pool.call(this.conv1.call(x).relu()).flatten(1));
  }
}

describe('torch.nn', () => {
  it('exposes Module, layers, F, init, utils and Parameter', () => {
    expect(typeof nn.F.conv2d).toBe('function');
    expect(typeof nn.F.relu).toBe('function');
    expect(typeof nn.F.dropout).toBe('function');
    expect(typeof nn.init.kaimingUniform_).toBe('function');
    expect(typeof nn.utils.parametersToVector).toBe('function');
    expect(new nn.Parameter(torch.zeros(2)).requiresGrad).toBe(true);
    expect(String(new nn.Linear(2, 3))).toBe('Linear(in_features=2, out_features=3, bias=True)');
  });
  it('trains the API.md way: class fields, call, parameters(), zeroGrad(), a step under noGrad', () => {
    torch.manualSeed(0);
    const model = new Net();
    expect([...model.namedParameters()].map(([k]) => k)).toEqual(['conv1.weight', 'conv1.bias', 'fc.weight', 'fc.bias']);
    const x = torch.randn(6, 3, 8, 8);
    const target = torch.tensor([0, 1, 2, 0, 1, 2]);
    const losses: number[] = [];
    for (let step = 0; step < 15; step++) {
      const logp = nn.F.logSoftmax(model.call(x), 1);
      const loss = logp.gather(1, target.unsqueeze(1)).neg().mean();
      model.zeroGrad();
      loss.backward();
      torch.noGrad(() => {
        for (const p of model.parameters()) p.sub_(p.grad!.mul(0.1));
      });
      losses.push(loss.itemSync() as number);
    }
    expect(losses.at(-1)!).toBeLessThan(losses[0]! * 0.5);
  });
});
