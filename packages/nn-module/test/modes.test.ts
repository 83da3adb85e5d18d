// train/eval, requiresGrad_, zeroGrad, apply, and conversion (to / float / double / …) in place.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { Module, Parameter } from '../src/index.js';
import { Leaf, Net, Small } from './contractModules.js';

class WithInts extends Module {
  w = new Parameter(torch.ones(2));
  constructor() {
    super();
    this.registerBuffer('steps', torch.tensor(3));
    this.registerBuffer('scale', torch.ones(1));
  }
}

describe('modes', () => {
  it('train(mode) / eval() set training everywhere below', () => {
    const net = new Net();
    net.eval();
    expect([...net.modules()].every((m) => !m.training)).toBe(true);
    net.train();
    expect([...net.modules()].every((m) => m.training)).toBe(true);
    expect(net.train(false)).toBe(net);
  });
  it('requiresGrad_ freezes and unfreezes every parameter', () => {
    const net = new Net();
    net.requiresGrad_(false);
    expect([...net.parameters()].some((p) => p.requiresGrad)).toBe(false);
    net.requiresGrad_();
    expect([...net.parameters()].every((p) => p.requiresGrad)).toBe(true);
  });
  it('zeroGrad drops gradients (setToNone, the default) or zeroes them', () => {
    const leaf = new Leaf(2);
    leaf.call(torch.ones(2)).sum().backward();
    const g = leaf.w.grad!;
    leaf.zeroGrad({ setToNone: false });
    expect(leaf.w.grad).toBe(g);
    expect(g.tolistSync()).toEqual([0, 0]);
    leaf.zeroGrad();
    expect(leaf.w.grad).toBeNull();
  });
  it('apply visits children first, then the module', () => {
    const seen: string[] = [];
    new Net().apply((m) => void seen.push(m._getName()));
    expect(seen).toEqual(['Leaf', 'Leaf', 'Leaf', 'Sequential', 'Leaf', 'Net']); // the shared Leaf twice, as PyTorch
  });
});

describe('conversion keeps the Parameter objects', () => {
  it('to(dtype) casts floating parameters, gradients and buffers; integer buffers stay', () => {
    const m = new WithInts();
    const w = m.w;
    m.w.mul(2).sum().backward();
    const g = w.grad!;
    m.to('float64');
    expect(m.w).toBe(w);
    expect(w.dtype).toBe('float64');
    expect(w.grad).toBe(g);
    expect(g.dtype).toBe('float64');
    expect(m._buffers.get('scale')!.dtype).toBe('float64');
    expect(m._buffers.get('steps')!.dtype).toBe('int64');
    expect(w.requiresGrad).toBe(true);
  });
  it('float / double / half / bfloat16 / type', () => {
    const m = new WithInts();
    expect(m.double().w.dtype).toBe('float64');
    expect(m.half().w.dtype).toBe('float16');
    expect(m.bfloat16().w.dtype).toBe('bfloat16');
    expect(m.float().w.dtype).toBe('float32');
    m.type('float64');
    expect(m._buffers.get('steps')!.dtype).toBe('float64');
  });
  it('to(device), to({ device, dtype }), to(tensor) move in place', () => {
    const m = new WithInts();
    const w = m.w;
    m.to('cpu2');
    expect(w.device).toBe('cpu2');
    expect(m._buffers.get('steps')!.device).toBe('cpu2');
    m.to({ device: 'cpu', dtype: 'float64' });
    expect([w.device, w.dtype]).toEqual(['cpu', 'float64']);
    m.to(torch.zeros(1, { device: 'cpu2' }));
    expect([w.device, w.dtype]).toEqual(['cpu2', 'float32']);
    m.cpu();
    expect(w.device).toBe('cpu');
    expect(w.tolistSync()).toEqual([1, 1]);
  });
  it('toAsync moves like to()', async () => {
    const m = new Small();
    const w = m.fc.w;
    await m.toAsync('cpu2');
    expect(w.device).toBe('cpu2');
  });
  it('Tensor.set_ repoints a tensor at another storage, keeping the object', () => {
    const p = new Parameter(torch.zeros(2));
    const src = torch.arange(6, { dtype: 'float32' }).reshape(2, 3);
    p.set_(src.t());
    expect(p.shape).toEqual([3, 2]);
    expect(p.tolistSync()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(p.requiresGrad).toBe(true);
  });
});
