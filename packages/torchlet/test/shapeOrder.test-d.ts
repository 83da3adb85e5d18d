// Type tests of the shape and order ops: several results destructurable and
// named, unique's result type following its flags. Checked by `tsc`; nothing here runs.
import { expectTypeOf } from 'vitest';
import * as torch from '../src/index.js';

const x = torch.zeros(3, 4);

const [values, indices] = x.sort(-1, true);
expectTypeOf(values).toEqualTypeOf<torch.Tensor>();
expectTypeOf(indices).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.sort(x, { descending: true, stable: true }).indices).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.topk(2).values).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.kthvalue(x, 1, 0, true).indices).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.cummax(0).indices).toEqualTypeOf<torch.Tensor>();

// unique: a tensor, or an array when returnInverse / returnCounts ask for more
expectTypeOf(x.unique()).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.unique(x, { dim: 0 })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.unique({ returnCounts: true })).toEqualTypeOf<torch.Tensor[]>();
const flag: boolean = Math.random() > 0.5;
expectTypeOf(x.unique({ returnInverse: flag })).toEqualTypeOf<torch.Tensor | torch.Tensor[]>();

// varargs or one array, as PyTorch
expectTypeOf(x.flip(0, 1)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.repeat([2, 1])).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.einsum('ij,jk->ik', x, x.t())).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.einsum('ij,jk->ik', [x, x.t()])).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.meshgrid([x.at(0), x.at(1)], { indexing: 'xy' })).toEqualTypeOf<torch.Tensor[]>();
expectTypeOf(torch.searchsorted(x, 2, { right: true })).toEqualTypeOf<torch.Tensor>();

// @ts-expect-error: meshgrid's indexing is 'ij' or 'xy'
torch.meshgrid([x], { indexing: 'yx' });
