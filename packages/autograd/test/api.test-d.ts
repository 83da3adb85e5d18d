// Type tests: autograd's API as a PyTorch user writes against it. Checked by tsc; nothing runs.
import { expectTypeOf } from 'vitest';
import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { FunctionCtx } from '../src/index.js';
import { autograd, Function, grad, noGrad } from '../src/index.js';

const x = torch.ones(2, { requiresGrad: true });
expectTypeOf(x.requiresGrad).toEqualTypeOf<boolean>();
expectTypeOf(x.grad).toEqualTypeOf<Tensor | null>();
expectTypeOf(x.gradFn?.name()).toEqualTypeOf<string | undefined>();
expectTypeOf(x.backward()).toEqualTypeOf<void>();
expectTypeOf(grad(x.sum(), [x])).toEqualTypeOf<MaybeGrad[]>();
expectTypeOf(noGrad(() => x.mul(2))).toEqualTypeOf<Tensor>();
expectTypeOf(autograd.gradcheck).toEqualTypeOf<typeof import('../src/gradcheck.js').gradcheck>();

class Scale extends Function {
  static override forward(ctx: FunctionCtx, t: Tensor, k: number): Tensor {
    ctx['k'] = k;
    return t.mul(k);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): MaybeGrad[] {
    return [g.mul(ctx['k'] as number), null];
  }
}
// apply takes forward's arguments after ctx and returns what forward returns
expectTypeOf(Scale.apply(x, 2)).toEqualTypeOf<Tensor>();
// @ts-expect-error: k must be a number
Scale.apply(x, 'two');
// @ts-expect-error: a hook gets a tensor
x.registerHook((g: number) => g);
