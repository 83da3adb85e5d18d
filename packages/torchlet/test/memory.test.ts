// Memory: tidy scopes, dispose(), `using` ([Symbol.dispose]), torch.memory()
// per device, use-after-dispose errors, and views keeping storage alive.
// Counts are compared as deltas inside synchronous test bodies (finalizers of
// collected tensors only run between tasks).
import { describe, expect, it } from 'vitest';
import type { Backend } from '@torchlet/tensor/backend';
import * as torch from 'torchlet';

/** The CPU backend under another device name, to see per-device counts. */
function renamed(device: string): Backend {
  const base = torch.cpu();
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === 'device') return device;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
torch.registerBackend(renamed('memtest'));

function usage(device = 'cpu'): { tensors: number; bytes: number } {
  return torch.memory()[device] ?? { tensors: 0, bytes: 0 };
}

describe('tidy', () => {
  it('disposes intermediates and keeps the returned tensor', () => {
    const x = torch.tensor([1, 2, 3], { dtype: 'float32' });
    let a: torch.Tensor | undefined;
    const before = usage();
    const y = torch.tidy(() => {
      a = x.mul(2);
      return a.add(1);
    });
    expect(a!.isDisposed).toBe(true);
    expect(y.isDisposed).toBe(false);
    expect(x.isDisposed).toBe(false);
    expect(y.tolistSync()).toEqual([3, 5, 7]);
    expect(usage().tensors - before.tensors).toBe(1);
    expect(usage().bytes - before.bytes).toBe(12);
    y.dispose();
    expect(usage()).toEqual(before);
  });

  it('keeps tensors returned in nested arrays, plain objects and Maps', () => {
    const x = torch.ones([2, 2]);
    const made: torch.Tensor[] = [];
    const track = (t: torch.Tensor): torch.Tensor => (made.push(t), t);
    const out = torch.tidy(() => {
      const a = track(x.add(1));
      const b = track(x.mul(3));
      const c = track(x.sub(1));
      track(x.exp());
      track(a.add(b));
      return { list: [a, [b]], nested: { map: new Map([['c', c]]) }, n: 5 };
    });
    expect(out.n).toBe(5);
    const [a, [b]] = out.list as [torch.Tensor, [torch.Tensor]];
    const c = out.nested.map.get('c')!;
    for (const t of [a, b, c]) expect(t.isDisposed).toBe(false);
    expect(made.filter((t) => t.isDisposed)).toHaveLength(2);
    expect(a.sum().itemSync()).toBe(8);
    expect(c.sum().itemSync()).toBe(0);
  });

  it('disposes views of intermediates without freeing storage a returned view still uses', () => {
    const before = usage();
    const v = torch.tidy(() => {
      const base = torch.arange(6, { dtype: 'float64' });
      base.view(2, 3); // a view that is not returned: disposed
      return base.at([1, 5, 2]); // a returned view of a disposed base
    });
    expect(usage().tensors - before.tensors).toBe(1);
    expect(usage().bytes - before.bytes).toBe(48);
    expect(v.tolistSync()).toEqual([1, 3]);
    v.dispose();
    expect(usage()).toEqual(before);
  });

  it('nested tidy hands the inner result to the outer scope', () => {
    let inner: torch.Tensor | undefined;
    let innerTmp: torch.Tensor | undefined;
    const outer = torch.tidy(() => {
      inner = torch.tidy(() => {
        innerTmp = torch.zeros(3);
        return innerTmp.add(1);
      });
      expect(innerTmp!.isDisposed).toBe(true);
      expect(inner.isDisposed).toBe(false);
      return inner.mul(2);
    });
    expect(inner!.isDisposed).toBe(true); // not returned by the outer callback
    expect(outer.isDisposed).toBe(false);
    expect(outer.tolistSync()).toEqual([2, 2, 2]);
  });

  it('keep() exempts a tensor from its scope', () => {
    let kept: torch.Tensor | undefined;
    let other: torch.Tensor | undefined;
    torch.tidy(() => {
      kept = torch.keep(torch.ones(2));
      other = torch.ones(2);
    });
    expect(kept!.isDisposed).toBe(false);
    expect(other!.isDisposed).toBe(true);
  });

  it('returns non-tensor values and disposes everything created', () => {
    const before = usage();
    const n = torch.tidy(() => torch.ones([4, 4]).sum().itemSync());
    expect(n).toBe(16);
    expect(usage()).toEqual(before);
  });

  it('disposes the tensors created before the callback throws', () => {
    const before = usage();
    let t: torch.Tensor | undefined;
    expect(() =>
      torch.tidy(() => {
        t = torch.ones(3);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(t!.isDisposed).toBe(true);
    expect(usage()).toEqual(before);
  });

  it('refuses an async callback', () => {
    expect(() => torch.tidy(async () => torch.ones(1))).toThrow(TypeError);
  });
});

describe('dispose', () => {
  it('frees the storage of a tensor without views, once', () => {
    const before = usage();
    const x = torch.zeros([3, 4], { dtype: 'float32' });
    expect(usage().tensors - before.tensors).toBe(1);
    expect(usage().bytes - before.bytes).toBe(48);
    expect(x.storage.freed).toBe(false);
    x.dispose();
    expect(x.isDisposed).toBe(true);
    expect(x.storage.freed).toBe(true);
    expect(usage()).toEqual(before);
    x.dispose(); // idempotent
    expect(usage()).toEqual(before);
  });

  it('[Symbol.dispose] disposes, and `using` disposes at the end of the block', () => {
    const before = usage();
    const x = torch.ones(2);
    x[Symbol.dispose]();
    expect(x.isDisposed).toBe(true);
    let y: torch.Tensor | undefined;
    {
      using t = torch.ones([2, 2], { dtype: 'float64' });
      y = t;
      expect(usage().bytes - before.bytes).toBe(32);
    }
    expect(y.isDisposed).toBe(true);
    expect(usage()).toEqual(before);
  });

  it('using a disposed tensor throws', () => {
    const x = torch.tensor([1, 2, 3, 4], { dtype: 'float32' });
    x.dispose();
    const uses: [string, () => unknown][] = [
      ['add', () => x.add(1)],
      ['sum', () => x.sum()],
      ['view', () => x.view(2, 2)],
      ['at', () => x.at(0)],
      ['matmul', () => x.matmul(x)],
      ['dataSync', () => x.dataSync()],
      ['clone', () => x.clone()],
      ['cat', () => torch.cat([x, x])],
    ];
    for (const [name, use] of uses) {
      expect(use, name).toThrow('this tensor has been disposed');
    }
    expect(x.shape).toEqual([4]); // metadata stays readable
    expect(x.toString()).toBe('tensor(<disposed>, size=(4))');
  });

  it('data() of a disposed tensor rejects', async () => {
    const x = torch.ones(2);
    x.dispose();
    await expect(x.data()).rejects.toThrow('this tensor has been disposed');
  });
});

describe('views and storage lifetime', () => {
  it('a view keeps the storage alive until the last view is disposed', () => {
    const before = usage();
    const base = torch.arange(12, { dtype: 'float32' });
    const v1 = base.view(3, 4);
    const v2 = v1.t();
    const v3 = base.at([2, null, 3]);
    expect(v1.storage).toBe(base.storage);
    expect(usage().tensors - before.tensors).toBe(4);
    expect(usage().bytes - before.bytes).toBe(48); // one storage, counted once
    base.dispose();
    v1.dispose();
    expect(base.storage.freed).toBe(false);
    expect(v3.tolistSync()).toEqual([2, 5, 8, 11]);
    const row = v2.at(1);
    expect(row.tolistSync()).toEqual([1, 5, 9]);
    row.dispose();
    expect(usage().bytes - before.bytes).toBe(48);
    v2.dispose();
    expect(base.storage.freed).toBe(false);
    v3.dispose();
    expect(base.storage.freed).toBe(true);
    expect(usage()).toEqual(before);
  });

  it('split/chunk/unbind parts share the storage', () => {
    const before = usage();
    const x = torch.ones([4, 2]);
    const parts = [...x.split(1), ...x.chunk(2, 1), ...x.unbind(0)];
    x.dispose();
    for (const p of parts.slice(0, -1)) p.dispose();
    expect(x.storage.freed).toBe(false);
    expect(usage().bytes - before.bytes).toBe(32);
    parts[parts.length - 1]!.dispose();
    expect(x.storage.freed).toBe(true);
    expect(usage()).toEqual(before);
  });

  it('reshape shares storage when it can and owns a copy when it must', () => {
    const flat = torch.arange(6, { dtype: 'float32' });
    const x = flat.view(2, 3);
    flat.dispose();
    const same = x.reshape(3, 2);
    const copy = torch.tidy(() => {
      const xt = x.t();
      expect(xt.isContiguous()).toBe(false);
      expect(xt.contiguous().storage).not.toBe(x.storage);
      return xt.reshape(6);
    });
    expect(same.storage).toBe(x.storage);
    expect(copy.storage).not.toBe(x.storage);
    expect(x.contiguous()).toBe(x);
    x.dispose();
    expect(x.storage.freed).toBe(false);
    same.dispose();
    expect(x.storage.freed).toBe(true);
    expect(copy.storage.freed).toBe(false);
    expect(copy.tolistSync()).toEqual([0, 3, 1, 4, 2, 5]);
  });
});

describe('torch.memory()', () => {
  it('counts tensors and bytes per device', () => {
    const cpu0 = usage('cpu');
    const other0 = usage('memtest');
    const a = torch.zeros([5], { dtype: 'float64', device: 'memtest' });
    const b = a.view(1, 5);
    const c = torch.zeros([3], { dtype: 'int32' });
    const d = torch.zeros([2], { dtype: 'bool', device: 'memtest' });
    expect(usage('memtest')).toEqual({ tensors: other0.tensors + 3, bytes: other0.bytes + 40 + 2 });
    expect(usage('cpu')).toEqual({ tensors: cpu0.tensors + 1, bytes: cpu0.bytes + 12 });
    const moved = c.to('memtest');
    expect(usage('memtest').bytes - other0.bytes).toBe(54);
    for (const t of [a, b, c, d, moved]) t.dispose();
    expect(usage('memtest')).toEqual(other0);
    expect(usage('cpu')).toEqual(cpu0);
  });

  it('int64 and float16 sizes', () => {
    const before = usage();
    const x = torch.zeros([3], { dtype: 'int64' });
    const h = torch.zeros([3], { dtype: 'float16' });
    expect(usage().bytes - before.bytes).toBe(24 + 6);
    x.dispose();
    h.dispose();
    expect(usage()).toEqual(before);
  });
});
