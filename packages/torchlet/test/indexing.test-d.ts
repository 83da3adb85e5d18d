// Type tests of the indexing API: checked by `tsc` (pnpm typecheck); nothing here runs.
import { expectTypeOf } from 'vitest';
import * as torch from '../src/index.js';

const x = torch.zeros(3, 4);
const idx = torch.tensor([0, 2]);
const mask = x.gt(0);

// every index form of x[...] in one call; a JS array is a slice
expectTypeOf(x.at(idx, ':')).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.at(true, mask)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.setAt([idx, [1, null, 2]], 0)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.setAt([mask], torch.ones(1))).toEqualTypeOf<torch.Tensor>();

// nonzero / where(cond): one tensor, or one per dim with asTuple
expectTypeOf(x.nonzero()).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.nonzero({ asTuple: true })).toEqualTypeOf<torch.Tensor[]>();
expectTypeOf(torch.nonzero(x, { asTuple: true })).toEqualTypeOf<torch.Tensor[]>();
expectTypeOf(torch.where(mask)).toEqualTypeOf<torch.Tensor[]>();
expectTypeOf(torch.where(mask, x, 0)).toEqualTypeOf<torch.Tensor>();

// keyword-only arguments in a trailing options object
expectTypeOf(x.scatter(0, idx.view(2, 1), 1, { reduce: 'add' })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.scatterReduce(0, idx.view(2, 1), x, 'amax', { includeSelf: false })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.indexAdd_(0, idx, x, { alpha: 2 })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.indexPut_([idx], x, { accumulate: true })).toEqualTypeOf<torch.Tensor>();

// @ts-expect-error: scatter_reduce's reductions are a closed set
x.scatterReduce(0, idx, x, 'max');
// @ts-expect-error: the legacy scatter reduce is 'add' or 'multiply'
x.scatter_(0, idx, x, { reduce: 'sum' });
// @ts-expect-error: index_put_ takes tensors only (no None in PyTorch 1.13 either)
x.indexPut_([null], x);
