// Type tests of the nn API: call() takes forward's parameters and returns its result, layer
// options are typed, registered fields keep their types (checked by `pnpm typecheck`).
import { expectTypeOf, test } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as nn from '../src/index.js';

class Net extends nn.Module {
  conv1 = new nn.Conv2d(3, 32, 5, { padding: 2 });
  pool = new nn.MaxPool2d(2);
  fc = new nn.Linear(32 * 16 * 16, 10);
  override forward(x: Tensor): Tensor {
    return this.fc.call(this.pool.call(this.conv1.call(x).relu()).flatten(1));
  }
}

declare const x: Tensor;

test('call() has forward\'s signature', () => {
  const net = new Net();
  expectTypeOf(net.call(x)).toEqualTypeOf<Tensor>();
  // @ts-expect-error forward takes one tensor
  net.call(x, x);
  expectTypeOf(new nn.LSTM(4, 8).call(x)).toEqualTypeOf<[Tensor, [Tensor, Tensor]]>();
  expectTypeOf(new nn.LSTM(4, 8).call(x, [x, x])).toEqualTypeOf<[Tensor, [Tensor, Tensor]]>();
  expectTypeOf(new nn.MaxPool2d(2).call(x)).toEqualTypeOf<Tensor>();
  expectTypeOf(new nn.MaxPool2d<true>(2, { returnIndices: true }).call(x)).toEqualTypeOf<[Tensor, Tensor]>();
  expectTypeOf(new nn.MultiheadAttention(8, 2).call(x, x, x, { needWeights: false })).toEqualTypeOf<[Tensor, Tensor | null]>();
  expectTypeOf(new nn.Sequential(new nn.Linear(2, 2), new nn.ReLU()).call(x)).toEqualTypeOf<Tensor>();
});

test('fields keep their types; iterators yield Parameters', () => {
  const net = new Net();
  expectTypeOf(net.fc.weight).toEqualTypeOf<nn.Parameter>();
  expectTypeOf(net.fc.bias).toEqualTypeOf<nn.Parameter | null>();
  expectTypeOf(net.parameters()).toEqualTypeOf<IterableIterator<nn.Parameter>>();
  expectTypeOf(net.stateDict()).toEqualTypeOf<nn.StateDict>();
});

test('layer options are typed', () => {
  new nn.Conv2d(3, 8, 3, { stride: 2, paddingMode: 'reflect', bias: false });
  new nn.BatchNorm2d(8, { momentum: null, trackRunningStats: false });
  new nn.Transformer({ dModel: 16, nhead: 4, batchFirst: true });
  // @ts-expect-error an unknown option
  new nn.Linear(2, 3, { biass: false });
  // @ts-expect-error a wrong padding mode
  new nn.Conv2d(3, 8, 3, { paddingMode: 'mirror' });
});
