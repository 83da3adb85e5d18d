// conv2d (forward and both gradients) and 2-D pooling on WebGPU under tensors:
// the backend's fast paths (checked op by op against the oracle in
// backend-conformance) give the CPU backend's results, on non-contiguous inputs
// too, and max pooling's indices come back as int64, as on the CPU.

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

function cpuTensor(shape: number[], seed: number): torch.Tensor {
  return torch.randn(shape, { generator: new torch.Generator('cpu').manualSeed(seed) });
}

/** `gpu` equals `ref` (CPU) within float32 tolerance scaled by the number of summed terms. */
async function expectClose(gpu: torch.Tensor, ref: torch.Tensor, terms = 1): Promise<void> {
  expect(gpu.device).toBe('webgpu');
  expect(gpu.shape).toEqual(ref.shape);
  const a = Array.from((await gpu.data()) as Float32Array);
  const b = Array.from(ref.dataSync() as Float32Array);
  const bad = a.findIndex((v, i) => !(Math.abs(v - b[i]!) <= 1e-5 * terms + 1.3e-6 * Math.abs(b[i]!)));
  expect(bad === -1 ? 'none' : `at ${bad}: ${a[bad]} vs ${b[bad]}`).toBe('none');
}

describe('conv2d and pooling on WebGPU', () => {
  it('conv2d with stride, padding, dilation and groups, on a transposed input', async () => {
    const x = cpuTensor([2, 4, 9, 7], 0).transpose(2, 3); // [2, 4, 7, 9], non-contiguous
    const w = cpuTensor([6, 2, 3, 3], 1);
    const b = cpuTensor([6], 2);
    const opts = { stride: [2, 1], padding: [1, 2], dilation: [1, 2], groups: 2 } as const;
    const ref = torch.conv2d(x, w, b, opts);
    await expectClose(torch.conv2d(x.to('webgpu'), w.to('webgpu'), b.to('webgpu'), opts), ref, 18);
  });

  it('the input and weight gradients of conv2d', async () => {
    const x = cpuTensor([2, 3, 8, 8], 3);
    const w = cpuTensor([5, 3, 3, 3], 4);
    const g = cpuTensor([2, 5, 4, 4], 5);
    const opts = { stride: 2, padding: 1 };
    await expectClose(torch.conv2dInputGrad(x.shape, w.to('webgpu'), g.to('webgpu'), opts), torch.conv2dInputGrad(x.shape, w, g, opts), 45);
    await expectClose(torch.conv2dWeightGrad(x.to('webgpu'), w.shape, g.to('webgpu'), opts), torch.conv2dWeightGrad(x, w.shape, g, opts), 32);
  });

  it('maxPool2d values and int64 indices; avgPool2d with padding', async () => {
    const x = cpuTensor([2, 3, 9, 10], 6).at('...', [1, 10]); // sliced: [2, 3, 9, 9]
    const [values, indices] = torch.maxPool2d(x.to('webgpu'), 3, { stride: 2, padding: 1, returnIndices: true });
    const [refValues, refIndices] = torch.maxPool2d(x, 3, { stride: 2, padding: 1, returnIndices: true });
    await expectClose(values, refValues);
    expect(indices.dtype).toBe('int64');
    expect(Array.from((await indices.data()) as BigInt64Array)).toEqual(Array.from(refIndices.dataSync() as BigInt64Array));
    const avg = { stride: 2, padding: 1, countIncludePad: false } as const;
    await expectClose(torch.avgPool2d(x.to('webgpu'), 3, avg), torch.avgPool2d(x, 3, avg), 9);
  });

  it('adaptive pooling: int64 indices, and the gradient of the average', async () => {
    const x = cpuTensor([2, 3, 7, 5], 7);
    const [values, indices] = torch.adaptiveMaxPool2d(x.to('webgpu'), [3, 2], true);
    const [refValues, refIndices] = torch.adaptiveMaxPool2d(x, [3, 2], true);
    await expectClose(values, refValues);
    expect(indices.dtype).toBe('int64');
    expect(Array.from((await indices.data()) as BigInt64Array)).toEqual(Array.from(refIndices.dataSync() as BigInt64Array));
    await expectClose(torch.adaptiveAvgPool2d(x.to('webgpu'), [3, 2]), torch.adaptiveAvgPool2d(x, [3, 2]), 6);
    const g = cpuTensor([2, 3, 3, 2], 8);
    await expectClose(torch.adaptiveAvgPool2dBackward(g.to('webgpu'), x.to('webgpu')), torch.adaptiveAvgPool2dBackward(g, x), 4);
  });
});
