// Type tests: what a loop over a DataLoader sees. Checked by `tsc` (pnpm typecheck); nothing here runs.
import type { Tensor } from '@torchlet/tensor';
import { expectTypeOf } from 'vitest';
import { DataLoader, StackDataset, TensorDataset, datasets, transforms } from '../src/index.js';
import type { Collated, LoaderIterator } from '../src/index.js';

declare const x: Tensor;
const fashion = new datasets.FashionMNIST('data', { transform: new transforms.ToTensor() });
expectTypeOf(fashion.get(0)).toEqualTypeOf<[Tensor, number | Tensor]>();
expectTypeOf(new DataLoader(fashion, { batchSize: 64 })[Symbol.asyncIterator]()).toEqualTypeOf<LoaderIterator<[Tensor, Tensor]>>();
expectTypeOf(new DataLoader(new TensorDataset(x, x))[Symbol.asyncIterator]()).toEqualTypeOf<LoaderIterator<[Tensor, Tensor]>>();
expectTypeOf<Collated<{ image: Tensor; label: number; name: string }>>().toEqualTypeOf<{ image: Tensor; label: Tensor; name: string[] }>();
// a collateFn decides the batch type
const sums = new DataLoader([1, 2, 3], { batchSize: 2, collateFn: (b: number[]) => b.reduce((s, v) => s + v, 0) });
expectTypeOf(sums[Symbol.asyncIterator]()).toEqualTypeOf<LoaderIterator<number>>();
// StackDataset keeps the sample types of its datasets
expectTypeOf(new StackDataset([1, 2], ['a', 'b']).get(0)).toEqualTypeOf<[number, string] | Promise<[number, string]>>();
expectTypeOf(new StackDataset({ x: [1, 2], y: ['a', 'b'] }).get(0)).toEqualTypeOf<{ x: number; y: string } | Promise<{ x: number; y: string }>>();
