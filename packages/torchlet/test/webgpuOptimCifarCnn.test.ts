// The CIFAR-10 tutorial CNN trained with torch.optim.SGD(momentum) on WebGPU (Dawn on
// SwiftShader in CI), from PyTorch's initial weights and batches: the losses match PyTorch's
// step for step within float32 tolerance. WebGPU has no int64 yet, so the loss takes the
// labels as a one-hot product instead of gather (the CPU test uses gather with int64 labels).
import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';
import { mismatches } from './fixtureTools.js';
import { NAMES, fx, train } from './optimCifarCnn.js';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

const close = (a: number, e: number) => Math.abs(a - e) <= 1e-5 + 1.3e-6 * Math.abs(e);

describe('CIFAR-10 tutorial CNN trained with torch.optim.SGD on WebGPU', () => {
  it('matches PyTorch\'s losses step for step within float32 tolerance', async () => {
    const { losses, params } = await train('webgpu', true);
    const bad = losses.map((l, i) => (close(l, fx.losses[i]!) ? '' : `step ${i}: ${l} vs ${fx.losses[i]}`)).filter(Boolean);
    expect(bad).toEqual([]);
    for (const [name, expected] of Object.entries(fx.final)) expect(mismatches(await params[NAMES.indexOf(name)]!.toAsync('cpu'), expected)).toBe('');
  }, 600_000);
});
