// The shape and order ops on backends that lack what the CPU backend offers:
// every shape_order.json case again on a backend with no fast paths (sort, scan
// and softmax run as their reference decompositions), and the data-dependent ops
// on a device that cannot read synchronously.

import { describe, expect, it } from 'vitest';
import type { Backend } from '@torchlet/tensor/backend';
import * as torch from 'torchlet';
import { describeByOp } from './fixtureTools.js';
import { loadCases, runCase } from './opCases.js';
import { apply } from './shapeOrderApply.js';

/** The CPU backend under another device name, without its fast paths and optionally without readSync. */
function primitivesOnly(device: string, sync: boolean): Backend {
  const base = torch.cpu();
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === 'device') return device;
      if (prop === 'supports') return {};
      if (prop === 'readSync' && !sync) return undefined;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

torch.registerBackend(primitivesOnly('primitives', true));
torch.registerBackend(primitivesOnly('async', false));

const fixture = loadCases('shape_order.json');

describeByOp('shape and order ops on primitives only (reference decompositions)', fixture.cases, (c) =>
  it(c.name, () => {
    torch.setDefaultDevice('primitives');
    try {
      runCase(c, (k, xs) => {
        expect(xs.map((x) => x.device), 'inputs on the primitives-only device').toEqual(xs.map(() => 'primitives'));
        const r = apply(k, xs);
        const outs = r instanceof torch.Tensor ? [r] : [...r];
        expect(outs.map((t) => t.device), 'results on the same device').toEqual(outs.map(() => 'primitives'));
        return r;
      });
    } finally {
      torch.setDefaultDevice('cpu');
    }
  }),
);

describe('a device without synchronous reads', () => {
  const on = (data: torch.TensorData, dtype?: torch.DType): torch.Tensor => torch.tensor(data, { device: 'async', ...(dtype ? { dtype } : {}) });

  it('unique and tensor repeats refuse with a message naming the op and the device', () => {
    const x = on([2, 1, 2]);
    expect(() => x.unique()).toThrow(
      "unique(): the output size depends on the values, and device 'async' cannot read them synchronously; move the tensor to 'cpu' first",
    );
    expect(() => x.repeatInterleave(on([1, 2, 0]))).toThrow("repeat_interleave(): the output size depends on the values, and device 'async'");
  });

  it('sort, topk, searchsorted, cummax and einsum run without a sync point', async () => {
    const x = on([3, 1, 2, 1]);
    const [values, indices] = x.sort(0, true);
    expect(Array.from((await values.data()) as BigInt64Array, Number)).toEqual([3, 2, 1, 1]);
    expect(Array.from((await indices.data()) as BigInt64Array, Number)).toEqual([0, 2, 1, 3]);
    expect(Array.from((await x.topk(2).indices.data()) as BigInt64Array, Number)).toEqual([0, 2]);
    const pos = torch.searchsorted(on([1, 2, 2, 3]), on([2, 0, 5]), { right: true });
    expect(Array.from((await pos.data()) as BigInt64Array, Number)).toEqual([3, 0, 4]);
    expect(Array.from((await x.cummax(0).indices.data()) as BigInt64Array, Number)).toEqual([0, 0, 0, 0]);
    const m = torch.einsum('ij,jk->ik', on([[1, 2]], 'float32'), on([[3], [4]], 'float32'));
    expect(Array.from((await m.data()) as Float32Array)).toEqual([11]);
  });
});
