// Registration by assignment (class fields included), namespaces, deletion, lookup by path.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { Module, Parameter, utils } from '../src/index.js';
import { Empty, Leaf, Net } from './contractModules.js';

type Fields = Record<string, unknown>;

describe('assigning to fields registers, as __setattr__ does', () => {
  it('class fields register parameters and submodules in declaration order', () => {
    class M extends Module {
      b = new Parameter(torch.zeros(1));
      a = new Leaf(1);
      c = new Parameter(torch.ones(2));
    }
    const m = new M();
    expect([...m._parameters.keys()]).toEqual(['b', 'c']);
    expect([...m.namedParameters()].map(([k]) => k)).toEqual(['b', 'c', 'a.w']);
    expect(m.a).toBeInstanceOf(Leaf);
  });
  it('a plain Tensor field is an attribute, not a buffer', () => {
    class M extends Module {
      t = torch.zeros(2);
    }
    const m = new M();
    expect(m._buffers.size).toBe(0);
    expect(Object.keys(m.stateDict())).toEqual([]);
    expect(m.t.shape).toEqual([2]);
  });
  it('assigning a Tensor or null to a buffer name replaces the buffer', () => {
    const m = new Empty();
    m.registerBuffer('b', torch.zeros(2));
    const f = m as unknown as Fields;
    f.b = torch.ones(3);
    expect(m._buffers.get('b')!.shape).toEqual([3]);
    f.b = null;
    expect(m._buffers.get('b')).toBeNull();
    expect(Object.keys(m.stateDict())).toEqual([]);
  });
  it('namespaces are exclusive: re-assigning a name moves it', () => {
    const m = new Empty();
    const f = m as unknown as Fields;
    m.registerBuffer('x', torch.zeros(1));
    f.x = new Parameter(torch.zeros(1));
    expect([m._buffers.has('x'), m._parameters.has('x')]).toEqual([false, true]);
    delete f.x;
    f.x = new Leaf(1);
    expect([m._parameters.has('x'), m._modules.has('x')]).toEqual([false, true]);
    f.x = new Parameter(torch.zeros(2));
    expect([m._modules.has('x'), m._parameters.has('x')]).toEqual([false, true]);
    f.y = 3;
    f.y = new Leaf(1);
    expect(m._modules.has('y')).toBe(true);
  });
  it('null keeps a parameter or submodule name registered as None', () => {
    const leaf = new Leaf(2);
    (leaf as unknown as Fields).w = null;
    expect(leaf._parameters.has('w')).toBe(true);
    expect([...leaf.parameters()]).toEqual([]);
    expect(() => ((leaf as unknown as Fields).w = undefined)).toThrow("cannot assign 'undefined' as parameter 'w'");
  });
  it('a Parameter cannot shadow a class member', () => {
    expect(() => ((new Empty() as unknown as Fields).forward = new Parameter(torch.zeros(1)))).toThrow("attribute 'forward' already exists");
  });
  it('delete removes a name from whichever namespace holds it', () => {
    const net = new Net();
    const f = net as unknown as Fields;
    delete f.running;
    delete f.conv;
    delete f.gone;
    expect(net._buffers.has('running')).toBe(false);
    expect(net._modules.has('conv')).toBe(false);
    expect(net._parameters.has('gone')).toBe(false);
    expect(f.conv).toBeUndefined();
    expect(Object.keys(net.stateDict())).toEqual(['block.0.w', 'block.1.w', 'shared.w']);
  });
  it('registered members are plain own fields (a write to _modules shows as a field)', () => {
    const m = new Empty();
    const l = new Leaf(1);
    m._modules.set('fc', l);
    expect((m as unknown as Fields).fc).toBe(l);
    expect(Object.getOwnPropertyDescriptor(m, 'fc')?.value).toBe(l);
    m._modules.delete('fc');
    expect('fc' in m).toBe(false);
  });
  it('registerBuffer(persistent=false) keeps the buffer out of the state dict', () => {
    const m = new Empty();
    m.registerBuffer('a', torch.zeros(1), { persistent: false });
    m.registerBuffer('b', torch.zeros(1));
    expect(Object.keys(m.stateDict())).toEqual(['b']);
    expect([...m.namedBuffers()].map(([k]) => k)).toEqual(['a', 'b']);
  });
  it('getSubmodule / getParameter / getBuffer follow dotted paths', () => {
    const net = new Net();
    expect(net.getSubmodule('block.1')).toBe(net.block.at(1));
    expect(net.getSubmodule('')).toBe(net);
    expect(net.getParameter('block.1.w')).toBe((net.block.at(1) as Leaf).w);
    expect(net.getBuffer('running').shape).toEqual([2]);
  });
});

describe('iteration', () => {
  it('parameters() is an iterable iterator; shared parameters appear once unless removeDuplicate is false', () => {
    class Tied extends Module {
      a = new Leaf(2);
      b = new Leaf(2);
      constructor() {
        super();
        this.b.w = this.a.w;
      }
    }
    const t = new Tied();
    const it = t.parameters();
    expect(typeof it.next).toBe('function');
    expect([...it]).toHaveLength(1);
    expect([...t.namedParameters({ removeDuplicate: false })].map(([k]) => k)).toEqual(['a.w', 'b.w']);
    expect([...t.parameters({ recurse: false })]).toEqual([]);
  });
  it('modules() skips duplicates anywhere below, children() among the direct children', () => {
    const net = new Net();
    expect([...net.modules()]).toHaveLength(5);
    expect([...net.children()]).toHaveLength(3); // shared is block[0], but not another child
  });
});

describe('nn.utils', () => {
  it('parametersToVector / vectorToParameters round trip, parameters becoming views of the vector', () => {
    const a = new Parameter(torch.arange(6, { dtype: 'float32' }).reshape(2, 3));
    const b = new Parameter(torch.tensor([7, 8], { dtype: 'float32' }));
    const v = utils.parametersToVector([a, b]);
    expect(v.tolistSync()).toEqual([0, 1, 2, 3, 4, 5, 7, 8]);
    const w = torch.arange(8, { dtype: 'float32' }).mul(10);
    utils.vectorToParameters(w, [a, b]);
    expect(a.tolistSync()).toEqual([[0, 10, 20], [30, 40, 50]]);
    expect(b.tolistSync()).toEqual([60, 70]);
    expect(a.requiresGrad).toBe(true);
    expect(() => utils.vectorToParameters([1] as unknown as Tensor, [a])).toThrow('expected torch.Tensor, but got: list');
  });
});
