// Hooks: tensor hooks (leaf and non-leaf), post-accumulate hooks, node hooks and pre-hooks, removal.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';

const leaf = (): Tensor => torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });

describe('hooks', () => {
  it('tensor.registerHook sees and can replace the gradient (leaf and non-leaf)', () => {
    const x = leaf();
    const seen: number[][] = [];
    x.registerHook((g) => void seen.push(g.tolistSync() as number[]));
    const y = x.mul(2);
    y.registerHook((g) => g.mul(10));
    y.sum().backward();
    expect(seen).toEqual([[20, 20]]);
    expect(x.grad!.tolistSync()).toEqual([20, 20]);
  });
  it('handles remove() their hook', () => {
    const x = leaf();
    const h = x.registerHook((g) => g.mul(0));
    h.remove();
    x.mul(3).sum().backward();
    expect(x.grad!.tolistSync()).toEqual([3, 3]);
  });
  it('registerPostAccumulateGradHook runs with the leaf after .grad is updated', () => {
    const x = leaf();
    const grads: number[][] = [];
    x.registerPostAccumulateGradHook((p) => void grads.push(p.grad!.tolistSync() as number[]));
    x.mul(2).sum().backward();
    x.mul(2).sum().backward();
    expect(grads).toEqual([[2, 2], [4, 4]]);
    expect(() => x.mul(2).registerPostAccumulateGradHook(() => {})).toThrow('post accumulate grad hooks cannot be registered on non-leaf tensors');
  });
  it('gradFn.registerPrehook and registerHook see (and may replace) incoming and outgoing gradients', () => {
    const x = leaf();
    const y = x.mul(3);
    const log: string[] = [];
    y.gradFn!.registerPrehook((go) => void log.push(`pre ${go[0]!.tolistSync()}`));
    const h = y.gradFn!.registerHook((gi: readonly MaybeGrad[], go: readonly MaybeGrad[]) => {
      log.push(`post ${gi[0]!.tolistSync()} ${gi[1]} ${go[0]!.tolistSync()}`);
      return [gi[0]!.add(1), null];
    });
    y.sum().backward();
    expect(log).toEqual(['pre 1,1', 'post 3,3 null 1,1']);
    expect(x.grad!.tolistSync()).toEqual([4, 4]);
    h.remove();
  });
  it('keeps tensors given to hooks alive after the pass', () => {
    const x = leaf();
    let captured: Tensor | null = null;
    const y = x.exp();
    y.registerHook((g) => void (captured = g));
    y.sum().backward();
    expect(captured!.isDisposed).toBe(false);
    expect(captured!.tolistSync()).toEqual([1, 1]);
  });
});

describe('hooks and retained grads across in-place ops', () => {
  // the values are what PyTorch 1.13 prints for the same code
  it('retained .grad follows the latest value; a hook registered before sees the old one (as PyTorch)', () => {
    const x = torch.ones(2, { requiresGrad: true });
    const y = x.mul(2);
    y.retainGrad();
    const seen: number[][] = [];
    y.registerHook((g) => void seen.push(g.tolistSync() as number[]));
    y.mul_(3);
    y.mul(y).sum().backward();
    expect([y.grad!.tolistSync(), seen, x.grad!.tolistSync()]).toEqual([[12, 12], [[36, 36]], [72, 72]]);
  });
});
