// Tensor.toString() against PyTorch's str(t), through the public API: values go
// in with torch.tensor and come back out through the CPU backend and the
// formatter. Cases needing autograd (requires_grad, grad_fn) or another device
// are covered by the formatter's own test in @torchlet/tensor.
import { afterEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { decodeValues, printCases, toOptions } from '../../tensor/test/printFixtures.js';

const cases = printCases.filter((c) => !c.requires_grad && c.grad_fn === null && c.device === 'cpu');

describe('String(tensor) matches PyTorch', () => {
  afterEach(() => torch.setPrintOptions({ profile: 'default' }));

  it('covers most printing fixtures', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.options) torch.setPrintOptions(toOptions(c.options));
    const t = torch.tensor(decodeValues(c), { dtype: c.dtype }).reshape(c.shape);
    expect(String(t)).toBe(c.expected);
  });

  it('a strided view prints its logical order', () => {
    const t = torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1).at(':', 1, [0, 3, 2]);
    expect(String(t)).toBe(String(t.contiguous()));
    expect(t.isContiguous()).toBe(false);
  });
});
