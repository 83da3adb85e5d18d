// Anomaly mode: the failing node names its forward call site; NaN produced in backward is reported.
import './setup.js';
import { afterEach, describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { detectAnomaly, isAnomalyEnabled, setDetectAnomaly } from '../src/index.js';

afterEach(() => setDetectAnomaly(false));

describe('anomaly mode', () => {
  it('fails on NaN produced in backward with PyTorch\'s message', () => {
    const x = torch.tensor([0, 1], { dtype: 'float32', requiresGrad: true });
    // sqrt(0) has an infinite derivative; times the 0 from mul it is NaN in MulBackward0
    expect(() => detectAnomaly(() => x.mul(0).sqrt().sum().backward())).toThrow("Function 'MulBackward0' returned nan values in its 0th output.");
    // without anomaly mode the NaN goes through
    x.mul(0).sqrt().sum().backward();
    expect(Number.isNaN(x.grad!.dataSync()[0] as number)).toBe(true);
  });
  it('names the forward op and where it was created when its backward fails', () => {
    setDetectAnomaly(true);
    expect(isAnomalyEnabled()).toBe(true);
    const x = torch.ones(3, { requiresGrad: true });
    const y = x.exp();
    const z = y.sum();
    y.add_(1);
    let message = '';
    try {
      z.backward();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Error detected in ExpBackward0. Traceback of forward call that caused the error:');
    expect(message).toContain('anomaly.test.ts');
    expect(message).toContain('Hint: the backtrace further above shows the operation that failed to compute its gradient.');
  });
});
