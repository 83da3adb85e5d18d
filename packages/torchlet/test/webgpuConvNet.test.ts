// A small conv net written with tensor ops and autograd trains for 20 steps on
// WebGPU, and its losses follow the CPU backend's from the same initial weights
// and batches: conv2d → relu → maxPool2d → flatten → matmul → logSoftmax, the
// negative log-likelihood of the int64 labels moved to the device (gather along
// the classes), plain SGD under noGrad.

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

const BATCH = 8;
const CLASSES = 3;

interface Batch {
  images: torch.Tensor;
  labels: torch.Tensor;
}

/** 20 batches of 1×8×8 images and int64 labels, drawn on the CPU from one seed. */
function batches(): Batch[] {
  const g = new torch.Generator('cpu').manualSeed(1);
  return Array.from({ length: 20 }, () => {
    const labels = torch.randint(0, CLASSES, [BATCH], { generator: g });
    // each class brightens its own band of rows, so that there is something to learn
    const band = torch.arange(8).div(8 / CLASSES).floor().eq(labels.view(BATCH, 1, 1, 1)).float();
    const images = torch.randn([BATCH, 1, 8, 8], { generator: g }).mul(0.5).add(band.expand(BATCH, 1, 8, 8));
    return { images, labels };
  });
}

/** The initial weights, drawn on the CPU from one seed. */
function weights(): torch.Tensor[] {
  const g = new torch.Generator('cpu').manualSeed(0);
  return [
    torch.randn([4, 1, 3, 3], { generator: g }).mul(0.3), // conv weight
    torch.zeros([4]), // conv bias
    torch.randn([64, CLASSES], { generator: g }).mul(0.1), // linear weight
    torch.zeros([CLASSES]), // linear bias
  ];
}

/** The losses of 20 SGD steps on `device`. */
async function train(device: 'cpu' | 'webgpu'): Promise<number[]> {
  const params = weights().map((w) => w.to(device).requiresGrad_());
  const [convW, convB, fcW, fcB] = params as [torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor];
  const losses: torch.Tensor[] = [];
  for (const { images, labels } of batches()) {
    const x = images.to(device);
    const y = labels.to(device);
    expect(y.dtype).toBe('int64');
    const h = torch.maxPool2d(torch.conv2d(x, convW, convB, 1, 1).relu(), 2).flatten(1);
    const logits = h.matmul(fcW).add(fcB);
    // cross-entropy: the negative log-likelihood of each label
    const loss = logits.logSoftmax(1).gather(1, y.unsqueeze(1)).mean().neg();
    loss.backward();
    torch.noGrad(() => {
      for (const p of params) p.sub_(p.grad!.mul(0.2));
    });
    for (const p of params) p.grad = null;
    losses.push(loss.detach());
  }
  return Promise.all(losses.map(async (l) => Number(await l.item())));
}

describe('a conv net on WebGPU', () => {
  it('trains 20 steps with the losses of the CPU backend', async () => {
    const cpu = await train('cpu');
    const gpu = await train('webgpu');
    expect(cpu.at(-1)!).toBeLessThan(cpu[0]! * 0.7);
    // The same float32 math in other summation orders (the GPU's conv, matmul and
    // reduction loops) differs by a few ulps per step, and training feeds the
    // difference back: on SwiftShader the losses agree to 1.9e-6 relative over the
    // 20 steps. 2e-5 (PyTorch's float32 rtol 1.3e-6 would be one unlucky rounding
    // away) leaves room for FMA contraction on other adapters.
    for (let i = 0; i < cpu.length; i++) expect(Math.abs(gpu[i]! - cpu[i]!)).toBeLessThanOrEqual(1e-6 + 2e-5 * Math.abs(cpu[i]!));
  }, 120_000);
});
