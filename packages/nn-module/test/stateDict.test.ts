// state_dict / load_state_dict behaviour: keep_vars, strictness, atomic loads, assign, version
// migration, extra state and the four state-dict hooks.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { Module, Parameter, metadataOf } from '../src/index.js';
import { Leaf, Small } from './contractModules.js';

/** A Small(n) whose parameters and buffers all hold `v`. */
const filled = (n: number, v: number): Small => {
  const s = new Small(n);
  for (const t of [...s.parameters(), ...s.buffers()]) t.detach().fill_(v);
  return s;
};

describe('stateDict', () => {
  it('detaches by default and keeps the Parameters with keepVars', () => {
    const m = new Small();
    const sd = m.stateDict();
    expect(sd['fc.w']).not.toBeInstanceOf(Parameter);
    expect(sd['fc.w']!.requiresGrad).toBe(false);
    expect(sd['fc.w']!.storage).toBe(m.fc.w.storage);
    expect(m.stateDict({ keepVars: true })['fc.w']).toBe(m.fc.w);
  });
  it('fills a given destination and records metadata under the prefix', () => {
    const dest = m0().stateDict();
    new Leaf(2).stateDict({ destination: dest, prefix: 'extra.' });
    expect(Object.keys(dest)).toContain('extra.w');
    expect(metadataOf(dest)!['extra']).toEqual({ version: 1 });
  });
  it('takes keyword arguments only, through the binder', () => {
    expect(() => new Small().stateDict({ keep_vars: true } as never)).toThrow("stateDict() got an unexpected keyword argument 'keep_vars' (it takes: destination, prefix, keepVars)");
  });
});
const m0 = (): Small => new Small();

describe('loadStateDict', () => {
  it('copies values in place (casting dtypes) and returns empty key lists', () => {
    const src = filled(2, 7);
    const dst = new Small(2);
    const w = dst.fc.w;
    const sd = src.stateDict();
    sd['fc.w'] = sd['fc.w']!.double();
    expect(dst.loadStateDict(sd)).toEqual({ missingKeys: [], unexpectedKeys: [] });
    expect(dst.fc.w).toBe(w);
    expect(w.tolistSync()).toEqual([7, 7]);
    expect(w.dtype).toBe('float32');
  });
  it('strict=false reports missing and unexpected keys instead of throwing', () => {
    const m = new Small();
    const r = m.loadStateDict({ 'fc.w': torch.ones(2), bogus: torch.ones(1) }, { strict: false });
    expect(r).toEqual({ missingKeys: ['count'], unexpectedKeys: ['bogus'] });
    expect(m.fc.w.tolistSync()).toEqual([1, 1]);
    const r2 = new Small().loadStateDict({ count: torch.ones(1) }, false);
    expect(r2.missingKeys).toEqual(['fc.w']);
  });
  it('a failed load changes nothing', () => {
    const dst = filled(2, 1);
    expect(() => dst.loadStateDict({ 'fc.w': torch.full([2], 5), count: torch.full([3], 5) })).toThrow('size mismatch for count');
    expect(dst.fc.w.tolistSync()).toEqual([1, 1]);
    expect(() => dst.loadStateDict({ 'fc.w': torch.full([2], 5) })).toThrow('Missing key(s) in state_dict: "count".');
    expect(dst.fc.w.tolistSync()).toEqual([1, 1]);
  });
  it('a 0-d parameter takes a 1-element entry', () => {
    class S extends Module {
      s = new Parameter(torch.tensor(1, { dtype: 'float32' }));
    }
    const m = new S();
    m.loadStateDict({ s: torch.tensor([4], { dtype: 'float32' }) });
    expect(m.s.itemSync()).toBe(4);
  });
  it('assign=true takes the given tensors (as Parameters keeping requiresGrad)', () => {
    const m = new Small();
    m.fc.w.requiresGrad_(false);
    const w = torch.tensor([3, 4], { dtype: 'float64' });
    const c = torch.tensor([9], { dtype: 'float32' });
    m.loadStateDict({ 'fc.w': w, count: c }, { assign: true });
    expect(m.fc.w).toBeInstanceOf(Parameter);
    expect(m.fc.w.dtype).toBe('float64');
    expect(m.fc.w.requiresGrad).toBe(false);
    expect(m.fc.w.storage).toBe(w.storage);
    expect(m._buffers.get('count')).toBe(c);
  });
  it('accepts a Map and refuses what is not dict-like', () => {
    const m = new Small();
    m.loadStateDict(new Map<string, Tensor>([['fc.w', torch.ones(2)], ['count', torch.ones(1)]]));
    expect(m.fc.w.tolistSync()).toEqual([1, 1]);
    expect(() => m.loadStateDict(torch.ones(1) as never)).toThrow(torch.TorchTypeError);
  });
  it('loadFromStateDict overrides migrate old checkpoints by localMetadata.version', () => {
    class Renamed extends Module {
      static override _version = 2;
      weight = new Parameter(torch.zeros(2));
      override loadFromStateDict(sd: Record<string, unknown>, prefix: string, meta: Record<string, unknown>, ...rest: [boolean, string[], string[], string[]]): void {
        const version = meta['version'] as number | undefined;
        if ((version === undefined || version < 2) && prefix + 'w' in sd) {
          sd[prefix + 'weight'] = sd[prefix + 'w'];
          delete sd[prefix + 'w'];
        }
        super.loadFromStateDict(sd, prefix, meta, ...rest);
      }
    }
    const old: Record<string, Tensor> = { w: torch.ones(2) };
    Object.defineProperty(old, '_metadata', { value: { '': { version: 1 } } });
    const m = new Renamed();
    m.loadStateDict(old);
    expect(m.weight.tolistSync()).toEqual([1, 1]);
    expect(metadataOf(m.stateDict())!['']).toEqual({ version: 2 });
  });
  it('extra state goes through getExtraState / setExtraState', () => {
    class Counter extends Module {
      step = 0;
      override getExtraState(): unknown {
        return { step: this.step };
      }
      override setExtraState(s: unknown): void {
        this.step = (s as { step: number }).step;
      }
    }
    const a = new Counter();
    a.step = 5;
    const sd = a.stateDict();
    expect(Object.keys(sd)).toEqual(['_extra_state']);
    const b = new Counter();
    b.loadStateDict(sd);
    expect(b.step).toBe(5);
    expect(() => new Counter().loadStateDict({})).toThrow('Missing key(s) in state_dict: "_extra_state".');
    expect(() => new Small().loadStateDict({ ...new Small().stateDict(), _extra_state: torch.ones(1) })).toThrow('Unexpected key(s) in state_dict: "_extra_state".');
  });
});

describe('state-dict hooks', () => {
  it('stateDict pre- and post-hooks run around the collection', () => {
    const m = new Small();
    const log: string[] = [];
    m.registerStateDictPreHook((_m, prefix, keepVars) => void log.push(`pre ${prefix}|${keepVars}`));
    m.registerStateDictPostHook((_m, sd, prefix) => {
      log.push(`post ${Object.keys(sd).join(',')}`);
      delete sd[`${prefix}count`];
    });
    expect(Object.keys(m.stateDict())).toEqual(['fc.w']);
    expect(log).toEqual(['pre |false', 'post count,fc.w']);
  });
  it('load pre-hooks may rename keys; post-hooks may clear the key lists', () => {
    const m = new Small();
    m.registerLoadStateDictPreHook((_m, sd, prefix) => {
      if (`${prefix}old_count` in sd) {
        sd[`${prefix}count`] = sd[`${prefix}old_count`];
        delete sd[`${prefix}old_count`];
      }
    });
    m.loadStateDict({ 'fc.w': torch.ones(2), old_count: torch.full([1], 3) });
    expect(m._buffers.get('count')!.tolistSync()).toEqual([3]);
    const n = new Small();
    const h = n.registerLoadStateDictPostHook((_m, keys) => {
      keys.missingKeys.length = 0;
    });
    expect(n.loadStateDict({ 'fc.w': torch.ones(2) })).toEqual({ missingKeys: [], unexpectedKeys: [] });
    h.remove();
    expect(() => n.loadStateDict({ 'fc.w': torch.ones(2) })).toThrow('Missing key(s)');
  });
});
