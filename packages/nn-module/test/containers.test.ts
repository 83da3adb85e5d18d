// Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict: Python's list and dict operations.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { Module, ModuleDict, ModuleList, Parameter, ParameterDict, ParameterList, Sequential } from '../src/index.js';
import { Empty, Leaf } from './contractModules.js';

const ns = (m: Iterable<Module>): number[] => [...m].map((l) => (l as Leaf).n);
class AddOne extends Module {
  override forward(x: Tensor): Tensor {
    return x.add(1);
  }
}

describe('Sequential', () => {
  const make = (): Sequential => new Sequential(new Leaf(1), new Leaf(2), new Leaf(3), new Leaf(4));
  it('runs its modules in order', () => {
    const seq = new Sequential(new AddOne(), new Leaf(1));
    expect(seq.call(torch.ones(1)).tolistSync()).toEqual([0]);
    expect(new Sequential(new AddOne(), new AddOne()).call(torch.zeros(1)).tolistSync()).toEqual([2]);
  });
  it('indexes (seq[0], at(-1)), slices keeping names, and iterates', () => {
    const seq = make();
    expect((seq[0] as Leaf).n).toBe(1);
    expect((seq.at(-1) as Leaf).n).toBe(4);
    const sl = seq.at([1, null, 2]);
    expect(sl).toBeInstanceOf(Sequential);
    expect([...sl._modules.keys()]).toEqual(['1', '3']);
    expect(ns(seq.at([null, null, -1]))).toEqual([4, 3, 2, 1]);
    expect(seq.length).toBe(4);
  });
  it('setAt, delete (renumbering), pop, append, insert, extend', () => {
    const seq = make();
    seq.setAt(-1, new Leaf(40));
    expect(ns(seq)).toEqual([1, 2, 3, 40]);
    seq.delete([0, 2]);
    expect([...seq._modules.keys()]).toEqual(['0', '1']);
    expect(ns(seq)).toEqual([3, 40]);
    expect((seq.pop(0) as Leaf).n).toBe(3);
    seq.append(new Leaf(5)).insert(0, new Leaf(0)).insert(-1, new Leaf(4)).extend([new Leaf(6)]);
    expect(ns(seq)).toEqual([0, 40, 4, 5, 6]);
    expect([...seq.namedParameters()].map(([k]) => k)).toEqual(['0.w', '1.w', '2.w', '3.w', '4.w']);
    expect(() => seq.insert(9, new Leaf(9))).toThrow('Index out of range: 9');
  });
  it('takes a Map or a plain object of named modules', () => {
    const seq = new Sequential({ conv: new Leaf(1), act: new Empty() });
    expect([...seq.namedChildren()].map(([k]) => k)).toEqual(['conv', 'act']);
  });
});

describe('ModuleList', () => {
  it('list operations, slices renumbered', () => {
    const ml = new ModuleList([new Leaf(1), new Leaf(2), new Leaf(3)]);
    expect(ns(ml.at([1, null]))).toEqual([2, 3]);
    expect([...ml.at([1, null])._modules.keys()]).toEqual(['0', '1']);
    ml.insert(1, new Leaf(9));
    expect(ns(ml)).toEqual([1, 9, 2, 3]);
    ml.delete(1);
    expect(ns(ml)).toEqual([1, 2, 3]);
    ml.setAt(0, new Leaf(7));
    expect((ml.pop(0) as Leaf).n).toBe(7);
    ml.append(new Leaf(4)).extend([new Leaf(5)]);
    expect(ns(ml)).toEqual([2, 3, 4, 5]);
    expect(ml.length).toBe(4);
    expect(() => ml.extend(3 as never)).toThrow('ModuleList.extend should be called with an iterable, but got int');
    expect(() => ml.call()).toThrow('Module [ModuleList] is missing the required "forward" function');
  });
});

describe('ModuleDict', () => {
  it('dict operations, in insertion order', () => {
    const md = new ModuleDict([['b', new Leaf(1)], ['a', new Leaf(2)]]);
    expect(md.keys()).toEqual(['b', 'a']);
    md.set('c', new Leaf(3));
    expect([...md]).toEqual(['b', 'a', 'c']);
    expect(md.has('a')).toBe(true);
    expect((md.pop('a') as Leaf).n).toBe(2);
    md.update({ d: new Leaf(4) });
    expect(md.items().map(([k, m]) => [k, (m as Leaf).n])).toEqual([['b', 1], ['c', 3], ['d', 4]]);
    expect(((md as unknown as Record<string, Module>).c as Leaf).n).toBe(3);
    md.delete('b');
    expect(md.length).toBe(2);
    md.clear();
    expect(md.length).toBe(0);
    expect(() => md.update([['x']] as never)).toThrow('ModuleDict update sequence element #0 has length 1; 2 is required');
  });
});

describe('ParameterList and ParameterDict', () => {
  it('ParameterList wraps tensors in Parameter and registers them', () => {
    const pl = new ParameterList([torch.ones(2), new Parameter(torch.zeros(3))]);
    expect(pl.at(0)).toBeInstanceOf(Parameter);
    expect([...pl.namedParameters()].map(([k, p]) => [k, p.shape])).toEqual([['0', [2]], ['1', [3]]]);
    pl.append(torch.ones(1));
    expect(pl.length).toBe(3);
    expect(pl.at([1, null]).length).toBe(2);
    pl.setAt(-1, torch.zeros(4));
    expect(pl.at(2).shape).toEqual([4]);
    expect(() => pl.extend(torch.ones(2) as never)).toThrow('ParameterList.extend should be called with an iterable, but got Tensor');
  });
  it('ParameterDict: a Map keeps its order, a plain object is sorted (as PyTorch sorts a dict)', () => {
    const pd = new ParameterDict(new Map([['z', torch.ones(1)], ['a', torch.ones(2)]]));
    expect(pd.keys()).toEqual(['z', 'a']);
    expect(new ParameterDict({ z: torch.ones(1), a: torch.ones(2) }).keys()).toEqual(['a', 'z']);
    expect(pd.get('a')).toBeInstanceOf(Parameter);
    expect(pd.get('missing', 7)).toBe(7);
    pd.set('m', torch.zeros(1));
    expect(pd.setdefault('m', torch.ones(5)) as Tensor).toHaveProperty('shape', [1]);
    expect(pd.popitem()[0]).toBe('m');
    expect(pd.copy().keys()).toEqual(['z', 'a']);
    expect([...pd.namedParameters()].map(([k]) => k)).toEqual(['z', 'a']);
    pd.clear();
    expect(pd.length).toBe(0);
    expect(() => pd.call()).toThrow('ParameterDict should not be called.');
  });
});
