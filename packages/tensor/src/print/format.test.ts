import { afterEach, describe, expect, it } from 'vitest';
import { formatTensor, setPrintOptions } from './format.js';
import { decodeValues, printCases as cases, toOptions } from '../../test/printFixtures.js';

describe('formatTensor matches PyTorch str(t)', () => {
  afterEach(() => setPrintOptions({ profile: 'default' }));

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.options) setPrintOptions(toOptions(c.options));
    const text = formatTensor({
      shape: c.shape,
      dtype: c.dtype,
      device: c.device,
      values: decodeValues(c),
      requiresGrad: c.requires_grad,
      ...(c.grad_fn === null ? {} : { gradFnName: c.grad_fn }),
    });
    expect(text).toBe(c.expected);
  });
});
