// The indexing fixtures again, on a CPU backend without the optional fast paths:
// what a backend with only the required primitives computes through the
// reference decompositions (scatterReduce, nonzero, scan). And what a device
// that cannot read synchronously does with data-dependent output sizes.

import { beforeAll, describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import { describeIndexingFixtures } from './indexingCases.js';

beforeAll(() => {
  torch.registerBackend({ ...torch.cpu(), device: 'cpu-primitives', supports: {} });
  const asyncOnly = { ...torch.cpu(), device: 'cpu-async', supports: {} };
  delete (asyncOnly as { readSync?: unknown }).readSync;
  torch.registerBackend(asyncOnly);
  torch.setDefaultDevice('cpu-primitives');
});

describeIndexingFixtures('indexing on the reference decompositions vs PyTorch');

it('runs on the backend without fast paths', () => {
  expect(torch.tensor([1]).device).toBe('cpu-primitives');
  expect(torch.getBackend('cpu-primitives').supports).toEqual({});
});

describe('indexing on a device without synchronous reads', () => {
  it('advanced indexing and scatters need no read', async () => {
    const x = torch.arange(12, { device: 'cpu-async' }).view(3, 4);
    const idx = torch.tensor([2, 0], { device: 'cpu-async' });
    expect(await x.at(':', idx).tolist()).toEqual([[2, 0], [6, 4], [10, 8]]);
    expect(await x.clone().setAt([idx], 0).tolist()).toEqual([[0, 0, 0, 0], [4, 5, 6, 7], [0, 0, 0, 0]]);
    expect(await torch.zeros(3, { device: 'cpu-async' }).scatter_(0, idx, 1).tolist()).toEqual([1, 0, 1]);
  });

  it('index tensors on another device are moved; other ops refuse mixed devices', async () => {
    const x = torch.arange(4, { device: 'cpu-async' });
    expect(await x.at(torch.tensor([3, 0])).tolist()).toEqual([3, 0]);
    expect(() => x.gather(0, torch.tensor([1]))).toThrow(
      'Expected all tensors to be on the same device, but found at least two devices, cpu-async and cpu-primitives!',
    );
  });

  it('data-dependent sizes say to move to the CPU', () => {
    const m = torch.tensor([true, false], { device: 'cpu-async' });
    const msg = "nonzero has a data-dependent output size and device 'cpu-async' cannot be read synchronously: move the tensor to the CPU first (await x.toAsync('cpu'))";
    expect(() => m.nonzero()).toThrow(msg);
    expect(() => torch.ones(2, { device: 'cpu-async' }).maskedSelect(m)).toThrow('masked_select has a data-dependent output size');
    expect(() => torch.ones(2, { device: 'cpu-async' }).at(m)).toThrow('nonzero has a data-dependent output size');
  });
});
