// Custom autograd Functions: ctx API, non-tensor arguments, dirty and non-differentiable outputs.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { Function, FunctionCtx, gradcheck, gradgradcheck } from '../src/index.js';

class Scale extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor, k: number): Tensor {
    ctx.saveForBackward(x);
    ctx['k'] = k;
    return x.mul(k);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): MaybeGrad[] {
    expect(ctx.savedTensors[0]!.shape).toEqual(g.shape);
    return [g.mul(ctx['k'] as number), null];
  }
}

/** x * y with its own backward (differentiable: double backward goes through it). */
class Mul extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor, y: Tensor): Tensor {
    ctx.saveForBackward(x, y);
    return x.mul(y);
  }
  static override backward(ctx: FunctionCtx, g: Tensor): MaybeGrad[] {
    const [x, y] = ctx.savedTensors;
    return [ctx.needsInputGrad[0] ? g.mul(y!) : null, ctx.needsInputGrad[1] ? g.mul(x!) : null];
  }
}

class Sort2 extends Function {
  // returns (values, indices) of a 2-element sort: indices are not differentiable
  static override forward(ctx: FunctionCtx, x: Tensor): Tensor[] {
    const swap = x.at(0).gt(x.at(1)).itemSync() === true;
    const idx = torch.tensor(swap ? [1, 0] : [0, 1]);
    ctx.markNonDifferentiable(idx);
    ctx['idx'] = idx;
    return [torch.stack([x.at(swap ? 1 : 0), x.at(swap ? 0 : 1)]), idx];
  }
  static override backward(ctx: FunctionCtx, g: Tensor | null, gIdx: Tensor | null): Tensor {
    expect(gIdx).toBeNull(); // materialize off: no zeros made for the index output
    const idx = ctx['idx'] as Tensor;
    const swap = idx.at(0).itemSync() === 1;
    return swap ? torch.stack([g!.at(1), g!.at(0)]) : g!;
  }
}

class AddOneInPlace extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor): Tensor {
    ctx.markDirty(x);
    return x.add_(1);
  }
  static override backward(_ctx: FunctionCtx, g: Tensor): Tensor {
    return g;
  }
}

describe('torch.autograd.Function', () => {
  it('records a node named after the class; backward gets ctx and returns null for non-tensors', () => {
    const x = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    const y = Scale.apply(x, 3);
    expect(y.gradFn!.name()).toBe('ScaleBackward');
    y.sum().backward();
    expect(x.grad!.tolistSync()).toEqual([3, 3]);
  });
  it('runs forward without recording, and records nothing when no input requires grad', () => {
    const y = Scale.apply(torch.ones(2), 2);
    expect(y.requiresGrad).toBe(false);
  });
  it('passes gradcheck and gradgradcheck (its backward is made of differentiable ops)', () => {
    const x = torch.tensor([0.3, -0.7, 1.1], { dtype: 'float64', requiresGrad: true });
    const y = torch.tensor([0.5, 0.2, -0.4], { dtype: 'float64', requiresGrad: true });
    expect(gradcheck((a: Tensor, b: Tensor) => Mul.apply(a, b), [x, y])).toBe(true);
    expect(gradgradcheck((a: Tensor, b: Tensor) => Mul.apply(a, b), [x, y])).toBe(true);
  });
  it('sets needsInputGrad per argument', () => {
    let seen: readonly boolean[] = [];
    class Probe extends Function {
      static override forward(ctx: FunctionCtx, a: Tensor, b: Tensor, _k: number): Tensor {
        seen = ctx.needsInputGrad;
        return a.add(b);
      }
      static override backward(_ctx: FunctionCtx, g: Tensor): MaybeGrad[] {
        return [g, g, null];
      }
    }
    Probe.apply(torch.ones(1, { requiresGrad: true }), torch.ones(1), 2);
    expect(seen).toEqual([true, false, false]);
  });
  it('marks outputs non-differentiable and hands null for them with setMaterializeGrads(false)', () => {
    class Sorter extends Sort2 {
      static override forward(ctx: FunctionCtx, x: Tensor): Tensor[] {
        ctx.setMaterializeGrads(false);
        return super.forward(ctx, x);
      }
    }
    const x = torch.tensor([2, 1], { dtype: 'float32', requiresGrad: true });
    const [values, indices] = Sorter.apply(x);
    expect([values!.requiresGrad, indices!.requiresGrad]).toEqual([true, false]);
    values!.mul(torch.tensor([1, 10], { dtype: 'float32' })).sum().backward();
    expect(x.grad!.tolistSync()).toEqual([10, 1]);
  });
  it('markDirty: an in-place forward rebases the input onto the node', () => {
    const x = torch.ones(2, { requiresGrad: true });
    const h = x.mul(2);
    const r = AddOneInPlace.apply(h);
    expect(r).toBe(h);
    expect(h.gradFn!.name()).toBe('AddOneInPlaceBackward');
    h.sum().backward();
    expect(x.grad!.tolistSync()).toEqual([2, 2]);
  });
  it('refuses a wrong number of gradients, and gradients for non-tensor arguments', () => {
    class Bad extends Function {
      static override forward(_ctx: FunctionCtx, x: Tensor): Tensor {
        return x.mul(2);
      }
      static override backward(_ctx: FunctionCtx, g: Tensor): Tensor[] {
        return [g, g];
      }
    }
    expect(() => Bad.apply(torch.ones(2, { requiresGrad: true })).sum().backward()).toThrow(
      'function BadBackward returned an incorrect number of gradients (expected 1, got 2)',
    );
    class BadScalar extends Function {
      static override forward(_ctx: FunctionCtx, x: Tensor, _k: number): Tensor {
        return x.mul(2);
      }
      static override backward(_ctx: FunctionCtx, g: Tensor): Tensor[] {
        return [g, g];
      }
    }
    expect(() => BadScalar.apply(torch.ones(2, { requiresGrad: true }), 1).sum().backward()).toThrow(
      'returned a gradient different than None at position 2, but the corresponding forward input was not a Variable',
    );
  });
  it('frees saved tensors after backward unless retainGraph', () => {
    const x = torch.ones(2, { requiresGrad: true });
    const y = Scale.apply(x, 2).sum();
    y.backward();
    expect(() => y.backward()).toThrow('Trying to backward through the graph a second time');
  });
});
