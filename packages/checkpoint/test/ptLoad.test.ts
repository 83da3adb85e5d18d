// Reading PyTorch's .pt files: state dicts, optimizer state dicts, BatchNorm buffers, views of
// shared storages, the legacy format, and refusals (globals outside the allowlist, int16).
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import { bytesSource } from '../src/bytes/source.js';
import { CheckpointError } from '../src/index.js';
import { loadPt } from '../src/pt/load.js';
import { fixtureBytes, manifest } from './fixtureFiles.js';
import type { Manifest } from './manifest.js';
import { matchManifest } from './manifest.js';

const load = (name: string) => loadPt(bytesSource(fixtureBytes(name), name));

describe('files written by torch.save', () => {
  for (const name of ['cifar_cnn.pt', 'sgd_momentum.pt', 'adam.pt', 'batchnorm.pt', 'views.pt', 'legacy.pt']) {
    it(`${name}: keys, dtypes, shapes, strides, offsets, storage sharing and bytes as PyTorch sees them`, async () => {
      await matchManifest(await load(name), manifest.files[name]!);
    });
  }

  it('an optimizer state dict has PyTorch structure: int-keyed state, param_groups with hyperparameters', async () => {
    const sd = (await load('sgd_momentum.pt')) as { state: Record<string, { momentum_buffer: Tensor }>; param_groups: Record<string, unknown>[] };
    expect(Object.keys(sd)).toEqual(['state', 'param_groups']);
    expect(Object.keys(sd.state)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(sd.state['0']!.momentum_buffer.shape).toEqual([6, 3, 5, 5]);
    expect(sd.param_groups[0]).toMatchObject({ lr: 0.001, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false, params: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    const adam = (await load('adam.pt')) as { param_groups: { betas: number[] }[] };
    expect(adam.param_groups[0]!.betas).toEqual([0.8, 0.99]);
  });

  it('BatchNorm buffers: running stats, an int64 0-d num_batches_tracked, module versions in _metadata', async () => {
    const sd = (await load('batchnorm.pt')) as Record<string, Tensor>;
    expect((sd as unknown as { _metadata: unknown })._metadata).toEqual({ '': { version: 1 }, 0: { version: 1 }, 1: { version: 2 }, 2: { version: 1 }, 3: { version: 1 } });
    expect(Object.keys(sd)).not.toContain('_metadata');
    const n = sd['1.num_batches_tracked']!;
    expect([n.dtype, n.shape, n.itemSync()]).toEqual(['int64', [], 3]);
    expect(sd['1.running_var']!.dtype).toBe('float32');
  });

  it('views of one storage share it in torchlet too (a write through one shows in the others)', async () => {
    const sd = (await load('views.pt')) as Record<string, Tensor>;
    expect(sd['f32.t']!.storage).toBe(sd['f32.base']!.storage);
    expect(sd['f32.scalar']!.itemSync()).toBe(0.5);
    sd['f32.base']!.fill_(1);
    expect(sd['f32.mat']!.sum().itemSync()).toBe(24);
    expect(sd['i64.tail']!.tolistSync()).toEqual([2 ** 62 + 1, -(2 ** 63), 2 ** 63 - 1]);
    expect(sd['f32.only_slice']!.tolistSync()).toEqual([6, 7, 8]);
    expect(sd['f32.only_slice']!.storage.size).toBe(10);
  });
});

describe('refusals', () => {
  it('a pickle naming posix.system is refused, naming the global, and nothing runs', async () => {
    const err = await load('evil.pt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as Error).message).toBe("evil.pt: the pickle refers to the global 'posix.system', which torch.load(weights_only=True) does not allow; torchlet executes nothing from a pickle");
  });

  it('an int16 tensor: torchlet has no int16, and the error names the tensor', async () => {
    await expect(load('int16.pt')).rejects.toThrow(/int16\.pt: tensor 'w': dtype int16 has no torchlet dtype/);
  });

  it('not a PyTorch file', async () => {
    await expect(loadPt(bytesSource(new TextEncoder().encode('hello'), 'x.pt'))).rejects.toThrow(/x\.pt: not a PyTorch file/);
  });
});

describe('the manifest matcher', () => {
  it('catches a tensor whose bytes, strides or sharing differ from PyTorch', async () => {
    const sd = await load('views.pt');
    const m = structuredClone(manifest.files['views.pt']!) as { $dict: [string, { $tensor: { sha256: string; stride: number[]; storage: number } }][] };
    const wrongBytes = structuredClone(m);
    wrongBytes.$dict[0]![1].$tensor.sha256 = '0'.repeat(64);
    await expect(matchManifest(sd, wrongBytes as unknown as Manifest)).rejects.toThrow(/bytes/);
    const wrongStride = structuredClone(m);
    wrongStride.$dict[1]![1].$tensor.stride = [1, 4];
    await expect(matchManifest(sd, wrongStride as unknown as Manifest)).rejects.toThrow(/strides/);
    const wrongSharing = structuredClone(m);
    wrongSharing.$dict[1]![1].$tensor.storage = 99;
    await expect(matchManifest(sd, wrongSharing as unknown as Manifest)).rejects.toThrow(/storage of its own/);
  });
});

describe('zip archives PyTorch did not write', () => {
  it('reads a re-zipped (deflated) .pt file, and refuses a corrupt one', async () => {
    const bytes = fixtureBytes('deflated.pt');
    await matchManifest(await loadPt(bytesSource(bytes, 'deflated.pt')), manifest.files['deflated.pt']!);
    const broken = bytes.slice();
    broken[200] = broken[200]! ^ 0xff; // inside the first record's deflate stream
    await expect(loadPt(bytesSource(broken, 'deflated.pt'))).rejects.toThrow(/deflated\.pt: record 'batchnorm\/data\.pkl': (deflate data is corrupt|CRC-32 mismatch)/);
  });
});
