// Forward (pre-)hooks, full backward (pre-)hooks, global hooks: order, replacement, removal.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import {
  Module, Parameter, registerModuleForwardHook, registerModuleForwardPreHook, registerModuleFullBackwardHook, registerModuleFullBackwardPreHook,
} from '../src/index.js';

class Scale extends Module {
  override forward(x: Tensor, opts: { by?: number } = {}): Tensor {
    return x.mul(opts.by ?? 3);
  }
}
class Weighted extends Module {
  w = new Parameter(torch.tensor([2, 5], { dtype: 'float32' }));
  override forward(x: Tensor, k: number): [Tensor, Tensor] {
    return [x.mul(this.w), x.mul(k)];
  }
}
const leaf = (): Tensor => torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
const list = (g: MaybeGrad): unknown => (g === null ? null : g.tolistSync());

describe('forward hooks', () => {
  it('run in PyTorch\'s order: global pre, pre, forward, global, module; prepend goes first', () => {
    const m = new Scale();
    const log: string[] = [];
    const handles = [
      registerModuleForwardPreHook(() => void log.push('global pre')),
      m.registerForwardPreHook(() => void log.push('pre 1')),
      m.registerForwardPreHook(() => void log.push('pre 0'), { prepend: true }),
      registerModuleForwardHook(() => void log.push('global fwd')),
      m.registerForwardHook(() => void log.push('fwd 1')),
      m.registerForwardHook(() => void log.push('fwd 0'), { prepend: true }),
    ];
    m.call(torch.ones(1));
    handles.forEach((h) => h.remove());
    expect(log).toEqual(['global pre', 'pre 0', 'pre 1', 'global fwd', 'fwd 0', 'fwd 1']);
    log.length = 0;
    m.call(torch.ones(1));
    expect(log).toEqual([]);
  });
  it('a returned value replaces the input (one value or an array) or the output', () => {
    const m = new Scale();
    const h1 = m.registerForwardPreHook((_m, args) => (args[0] as Tensor).add(1));
    expect(m.call(torch.ones(1)).tolistSync()).toEqual([6]);
    h1.remove();
    const h2 = m.registerForwardPreHook((_m, args) => [(args[0] as Tensor).add(2)]);
    const h3 = m.registerForwardHook((_m, _args, out) => (out as Tensor).neg());
    expect(m.call(torch.ones(1)).tolistSync()).toEqual([-9]);
    h2.remove();
    h3.remove();
  });
  it('withKwargs hooks see the trailing options object as kwargs and may replace both', () => {
    const m = new Scale();
    const seen: unknown[] = [];
    m.registerForwardPreHook((_m, args, kwargs) => {
      seen.push(args.length, { ...kwargs });
      return [args, { ...kwargs, by: 10 }];
    }, { withKwargs: true });
    m.registerForwardHook((_m, args, kwargs, out) => {
      seen.push(args.length, { ...kwargs }, (out as Tensor).tolistSync());
    }, { withKwargs: true });
    m.call(torch.ones(1), { by: 2 });
    expect(seen).toEqual([1, { by: 2 }, 1, { by: 10 }, [10]]);
    expect(() => {
      const n = new Scale();
      n.registerForwardPreHook(() => 5 as never, { withKwargs: true });
      n.call(torch.ones(1));
    }).toThrow('forward pre-hook must return None or a tuple of (new_args, new_kwargs), but got 5.');
  });
  it('alwaysCall hooks run when forward throws, and the error propagates', () => {
    class Bad extends Module {
      override forward(): never {
        throw new Error('boom');
      }
    }
    const m = new Bad();
    const log: string[] = [];
    m.registerForwardHook(() => void log.push('normal'));
    m.registerForwardHook(() => void log.push('always'), { alwaysCall: true });
    expect(() => m.call()).toThrow('boom');
    expect(log).toEqual(['always']);
  });
  it('handles remove their hook (also with using)', () => {
    const m = new Scale();
    let n = 0;
    {
      using _h = m.registerForwardHook(() => void n++);
      m.call(torch.ones(1));
    }
    m.call(torch.ones(1));
    expect(n).toBe(1);
  });
});

describe('full backward hooks', () => {
  it('see gradInput and gradOutput; a returned gradInput replaces the input gradient', () => {
    const m = new Scale();
    const seen: unknown[] = [];
    m.registerFullBackwardHook((_m, gi, go) => {
      seen.push(gi.map(list), go.map(list));
      return [gi[0]!.mul(10)];
    });
    const x = leaf();
    m.call(x).sum().backward();
    expect(seen).toEqual([[[3, 3]], [[1, 1]]]);
    expect(x.grad!.tolistSync()).toEqual([30, 30]);
  });
  it('backward pre-hooks may replace gradOutput before the hooks and the inputs see it', () => {
    const m = new Scale();
    const seen: unknown[] = [];
    m.registerFullBackwardPreHook((_m, go) => [go[0]!.mul(2)]);
    m.registerFullBackwardHook((_m, gi, go) => void seen.push(gi.map(list), go.map(list)));
    const x = leaf();
    m.call(x).sum().backward();
    expect(seen).toEqual([[[6, 6]], [[2, 2]]]);
    expect(x.grad!.tolistSync()).toEqual([6, 6]);
  });
  it('non-tensor arguments and outputs that get no gradient are null; tuple outputs work', () => {
    const m = new Weighted();
    const seen: unknown[] = [];
    m.registerFullBackwardHook((_m, gi, go) => void seen.push(gi.map(list), go.map(list)));
    const x = leaf();
    const [a] = m.call(x, 4);
    a.sum().backward();
    expect(seen).toEqual([[[2, 5], null], [[1, 1], null]]);
  });
  it('when no input requires grad the hooks run with null gradInput (parameters still train)', () => {
    const m = new Weighted();
    const seen: unknown[] = [];
    m.registerFullBackwardHook((_m, gi, go) => void seen.push(gi.map(list), go.map(list)));
    const [a] = m.call(torch.tensor([1, 2], { dtype: 'float32' }), 4);
    a.sum().backward();
    expect(seen).toEqual([[null, null], [[1, 1], null]]);
    expect(m.w.grad!.tolistSync()).toEqual([1, 2]);
  });
  it('wrong-length replacements are refused with PyTorch\'s message', () => {
    const m = new Scale();
    m.registerFullBackwardHook(() => [null, null]);
    expect(() => m.call(leaf()).sum().backward()).toThrow('Backward hook returned an invalid number of grad_input, got 2, but expected 1');
  });
  it('global backward hooks run for every module; the wrapped outputs have BackwardHookFunctionBackward', () => {
    const log: string[] = [];
    const h1 = registerModuleFullBackwardPreHook((mod) => void log.push(`pre ${mod._getName()}`));
    const h2 = registerModuleFullBackwardHook((mod) => void log.push(`hook ${mod._getName()}`));
    const y = new Scale().call(leaf());
    expect(y.gradFn!.name()).toBe('BackwardHookFunctionBackward');
    y.sum().backward();
    h1.remove();
    h2.remove();
    expect(log).toEqual(['pre Scale', 'hook Scale']);
  });
  it('without any hook, call() is forward itself (no wrapping)', () => {
    const y = new Scale().call(leaf());
    expect(y.gradFn!.name()).toBe('MulBackward0');
  });
});
