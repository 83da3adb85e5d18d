// Whole models against PyTorch (tools/fixtures/nn_models.py): the seed example CNN (repr,
// parameter count, state_dict keys, initial weights bit for bit, output), and a state dict
// saved by PyTorch loading with no missing or unexpected keys and giving PyTorch's outputs.
import './setup.js';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import * as nn from '../src/index.js';
import type { TensorValue } from './fixtureTools.js';
import { build, compare, loadFixture } from './fixtureTools.js';

interface Fixture {
  seed_cnn: { repr: string; num_parameters: number; keys: string[]; shapes: Record<string, number[]>; sha256: Record<string, string>; input: TensorValue; output: TensorValue };
  pretrained: {
    state_dict: Record<string, TensorValue>; metadata: Record<string, { version: number }>;
    state_v1: Record<string, TensorValue>; metadata_v1: Record<string, { version: number }>; input: TensorValue; output: TensorValue;
  };
}
const fx = loadFixture<Fixture>('nn_models.json');

const seedCnn = (): nn.Sequential =>
  new nn.Sequential(
    new nn.Conv2d(3, 32, 5, { padding: 2 }), new nn.MaxPool2d(2), new nn.Conv2d(32, 32, 5, { padding: 2 }), new nn.MaxPool2d(2),
    new nn.Conv2d(32, 64, 5, { padding: 2 }), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(1024, 64), new nn.Linear(64, 10),
  );
const sha256 = (t: Tensor): string => {
  const data = t.contiguous().dataSync() as Float32Array;
  return createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
};

describe('the seed example: Sequential(Conv2d(3, 32, 5, padding=2), MaxPool2d(2), …, Flatten, Linear(1024, 64), Linear(64, 10))', () => {
  torch.manualSeed(0);
  const model = seedCnn();
  it('prints as PyTorch prints it', () => {
    expect(String(model)).toBe(fx.seed_cnn.repr);
  });
  it('counts its parameters and names its state_dict keys as PyTorch', () => {
    const count = [...model.parameters()].reduce((n, p) => n + p.numel(), 0);
    expect(count).toBe(fx.seed_cnn.num_parameters);
    const sd = model.stateDict();
    expect(Object.keys(sd)).toEqual(fx.seed_cnn.keys);
    for (const [k, shape] of Object.entries(fx.seed_cnn.shapes)) expect(sd[k]!.shape).toEqual(shape);
  });
  it('initialises every tensor bit for bit as PyTorch after torch.manual_seed(0)', () => {
    const sd = model.stateDict();
    for (const [k, hash] of Object.entries(fx.seed_cnn.sha256)) expect(sha256(sd[k]!), k).toBe(hash);
  });
  it('computes PyTorch\'s output', () => {
    const out = noGrad(() => model.call(build(fx.seed_cnn.input)));
    expect(compare(out, fx.seed_cnn.output)).toBe('');
  });
});

describe('a state dict saved by PyTorch', () => {
  const bnCnn = (): nn.Sequential =>
    new nn.Sequential(new nn.Conv2d(3, 8, 3, { padding: 1 }), new nn.BatchNorm2d(8), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(128, 10));
  const withMetadata = (tensors: Record<string, TensorValue>, metadata: object): Record<string, Tensor> => {
    const sd = Object.fromEntries(Object.entries(tensors).map(([k, v]) => [k, build(v)]));
    Object.defineProperty(sd, '_metadata', { value: metadata, enumerable: false });
    return sd;
  };
  it('loads with no missing or unexpected keys and gives PyTorch\'s eval outputs', () => {
    torch.manualSeed(123);
    const model = bnCnn();
    const keys = model.loadStateDict(withMetadata(fx.pretrained.state_dict, fx.pretrained.metadata));
    expect(keys).toEqual({ missingKeys: [], unexpectedKeys: [] });
    model.eval();
    const out = noGrad(() => model.call(build(fx.pretrained.input)));
    expect(compare(out, fx.pretrained.output)).toBe('');
    const bn = model.at(1) as nn.BatchNorm2d;
    expect(bn.num_batches_tracked!.dtype).toBe('int64');
    expect(bn.num_batches_tracked!.itemSync()).toBe(3);
    expect(Object.keys(model.stateDict())).toEqual(Object.keys(fx.pretrained.state_dict));
  });
  it('a checkpoint from before num_batches_tracked (BatchNorm version 1) loads, counting 0 batches', () => {
    const model = bnCnn();
    const keys = model.loadStateDict(withMetadata(fx.pretrained.state_v1, fx.pretrained.metadata_v1));
    expect(keys).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect((model.at(1) as nn.BatchNorm2d).num_batches_tracked!.itemSync()).toBe(0);
    model.eval();
    expect(compare(noGrad(() => model.call(build(fx.pretrained.input))), fx.pretrained.output)).toBe('');
    // without any metadata too (what a safetensors file gives)
    const plain = bnCnn();
    expect(plain.loadStateDict(withMetadata(fx.pretrained.state_v1, {})).missingKeys).toEqual([]);
  });
  it('a current BatchNorm checkpoint without num_batches_tracked is missing that key', () => {
    const current: Record<string, { version: number }> = { ...fx.pretrained.metadata };
    expect(() => bnCnn().loadStateDict(withMetadata(fx.pretrained.state_v1, current))).toThrow('Missing key(s) in state_dict: "1.num_batches_tracked".');
  });
});
