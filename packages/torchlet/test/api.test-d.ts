// Type tests: the public API's types as a PyTorch user writes against them.
// Checked by `tsc` (pnpm typecheck); nothing here runs.
import { expectTypeOf } from 'vitest';
import * as torch from '../src/index.js';

const x = torch.zeros(2, 3);
expectTypeOf(x).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.zeros([2, 3], { dtype: 'int64' })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.shape).toEqualTypeOf<readonly number[]>();
expectTypeOf(x.size()).toEqualTypeOf<number[]>();
expectTypeOf(x.size(1)).toEqualTypeOf<number>();
expectTypeOf(x.dtype).toEqualTypeOf<torch.DType>();

// several results: destructurable and named
const [values, indices] = x.max(1);
expectTypeOf(values).toEqualTypeOf<torch.Tensor>();
expectTypeOf(indices).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.max(1).values).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.max()).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.min(x, 0, { keepdim: true }).indices).toEqualTypeOf<torch.Tensor>();

// reads are asynchronous, with Sync forms
expectTypeOf(x.item()).toEqualTypeOf<Promise<number | boolean>>();
expectTypeOf(x.itemSync()).toEqualTypeOf<number | boolean>();
expectTypeOf(x.tolist()).toEqualTypeOf<Promise<torch.NestedList>>();
expectTypeOf(x.data()).toEqualTypeOf<Promise<torch.DataArray>>();

// sizes as varargs or one array; options last
expectTypeOf(x.view(3, -1)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.view([3, -1])).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.sum(1, { keepdim: true })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.at(0, [1, 3], null, '...')).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.tidy(() => [x.mul(2), 3] as const)).toEqualTypeOf<readonly [torch.Tensor, 3]>();

// @ts-expect-error: dtypes are a closed set of names
torch.zeros(2, { dtype: 'float8' });
// @ts-expect-error: add takes a tensor or a scalar
x.add('1');

// random numbers: generators and their options
const gen = new torch.Generator().manualSeed(0);
expectTypeOf(gen.initialSeed()).toEqualTypeOf<bigint>();
expectTypeOf(torch.manualSeed(0)).toEqualTypeOf<torch.Generator>();
expectTypeOf(torch.rand(2, 3, { generator: gen, dtype: 'float64' })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.randn([2, 3])).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.randint(0, 10, [3], { generator: gen })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.uniform_(-1, 1, { generator: gen })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(x.multinomial(2, true)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.getRNGState()).toEqualTypeOf<torch.Tensor>();
