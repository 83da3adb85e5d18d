import { describe, expect, it } from 'vitest';
import { signature } from './bind.js';
import { camelCase, parseSchema } from './schema.js';
import { TorchTypeError } from '../errors.js';

// Stand-in operands: the binder checks tensors with isTensor, so these tests use only
// non-tensor parameter types; tensor-typed parameters are covered through the ops' own tests.
const SUM = signature<{
  '': { input: unknown; dtype: string | null };
  dim: { input: unknown; dim: number[] | null; keepdim: boolean; dtype: string | null };
}>(
  'sum(Any input, *, ScalarType? dtype=None)',
  'sum.dim(Any input, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None)',
);
const CONV = signature<{ '': Record<string, unknown> }>(
  'conv2d(Any input, Any weight, Any? bias=None, int[2] stride=1, int[2] padding=0, int[2] dilation=1, int groups=1)',
);
const VIEW = signature<{ '': { input: unknown; size: number[] } }>('view(Any input, SymInt[] size)');
const LOAD = signature<{ '': { module: unknown; stateDict: unknown; strict: boolean } }>('load_state_dict(Any module, Dict state_dict, bool strict=True)');
const STACK = signature<{ '': { tensors: unknown[]; dim: number } }>('broadcast(*Any tensors, int dim=0)');

describe('parseSchema', () => {
  it('reads names, types, defaults and the keyword-only marker', () => {
    const s = parseSchema('cross_entropy(Tensor input, Tensor target, Tensor? weight=None, int ignore_index=-100, *, str reduction="mean", float[2] betas=(0.9, 0.999))');
    expect(s.params.map((p) => [p.name, p.kwOnly, p.defaultValue])).toEqual([
      ['input', false, undefined], ['target', false, undefined], ['weight', false, null],
      ['ignoreIndex', false, -100], ['reduction', true, 'mean'], ['betas', true, [0.9, 0.999]],
    ]);
    expect(s.params[2]!.type).toMatchObject({ base: 'Tensor', optional: true, list: false });
    expect(s.params[5]!.type).toMatchObject({ base: 'float', list: true, size: 2 });
  });
  it('camelCases as API.md does', () => {
    expect(['zero_grad', 'T_max', 'T_0', 'keepdim', 'weight_ih_l0', '_private']).toEqual(['zero_grad', 'T_max', 'T_0', 'keepdim', 'weight_ih_l0', '_private']);
    expect(['zero_grad', 'T_max', 'T_0', 'keepdim', '_private'].map(camelCase)).toEqual(['zeroGrad', 'TMax', 'T0', 'keepdim', '_private']);
  });
});

describe('signature binding', () => {
  it('takes positional arguments, keywords in a trailing object, or both', () => {
    expect(SUM.bind(['x'])).toEqual({ overload: '', args: { input: 'x', dtype: null } });
    expect(SUM.bind(['x', 1])).toEqual({ overload: 'dim', args: { input: 'x', dim: [1], keepdim: false, dtype: null } });
    expect(SUM.bind(['x', [0, 1], true])).toEqual({ overload: 'dim', args: { input: 'x', dim: [0, 1], keepdim: true, dtype: null } });
    expect(SUM.bind(['x', { dim: 1, keepdim: true }]).args).toEqual({ input: 'x', dim: [1], keepdim: true, dtype: null });
    expect(SUM.bindMethod('x', [1, { dtype: 'torch.double' }]).args).toEqual({ input: 'x', dim: [1], keepdim: false, dtype: 'float64' });
    expect(CONV.parse(['x', 'w', { stride: 2, dilation: [2, 1] }])).toMatchObject({ bias: null, stride: [2, 2], padding: [0, 0], dilation: [2, 1], groups: 1 });
    expect(CONV.parse(['x', 'w', undefined, 2])).toMatchObject({ bias: null, stride: [2, 2] });
  });
  it('takes the first alternative of a union type that fits', () => {
    const CONV_LAYER = signature<{ '': Record<string, unknown> }>('Conv2d(int in_channels, int out_channels, int[2] kernel_size, int[2] stride=1, int[2]|str padding=0)');
    expect(CONV_LAYER.parse([3, 8, 5, { padding: 'same' }])).toMatchObject({ kernelSize: [5, 5], stride: [1, 1], padding: 'same' });
    expect(CONV_LAYER.parse([3, 8, 5, 1, 2])).toMatchObject({ padding: [2, 2] });
    expect(() => CONV_LAYER.parse([3, 8, 5, 1, true])).toThrow("Conv2d(): argument 'padding' (position 5) must be tuple of ints or str, not bool");
  });
  it('treats undefined as not given', () => {
    expect(SUM.bind(['x', { dim: undefined }]).overload).toBe('');
  });
  it('packs varargs ints when an int list is the only positional parameter', () => {
    expect(VIEW.parseMethod('x', [2, -1])).toEqual({ input: 'x', size: [2, -1] });
    expect(VIEW.parseMethod('x', [[2, -1]])).toEqual({ input: 'x', size: [2, -1] });
    expect(STACK.parse(['a', 'b', { dim: 1 }])).toEqual({ tensors: ['a', 'b'], dim: 1 });
    expect(STACK.parse([['a', 'b']])).toEqual({ tensors: ['a', 'b'], dim: 0 });
  });
  it('binds a plain object positionally where a Dict is declared', () => {
    expect(LOAD.parse(['m', { a: 1 }])).toEqual({ module: 'm', stateDict: { a: 1 }, strict: true });
    expect(LOAD.parse(['m', { a: 1 }, { strict: false }])).toEqual({ module: 'm', stateDict: { a: 1 }, strict: false });
  });
});

describe('binding errors', () => {
  const msg = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(TorchTypeError);
      return (e as Error).message;
    }
    throw new Error('expected a TypeError');
  };
  it('names an unknown keyword and the accepted ones', () => {
    expect(msg(() => CONV.parse(['x', 'w', { strides: 2 }]))).toBe(
      "conv2d() got an unexpected keyword argument 'strides' (it takes: input, weight, bias, stride, padding, dilation, groups)",
    );
    expect(msg(() => SUM.bindMethod('x', [{ keepdims: true }]))).toBe("sum() got an unexpected keyword argument 'keepdims' (it takes: dtype, dim, keepdim)");
  });
  it('refuses a parameter given twice, a wrong type, a missing argument, too many', () => {
    expect(msg(() => CONV.parse(['x', 'w', null, 2, { stride: 2 }]))).toBe("conv2d() got multiple values for argument 'stride'");
    expect(msg(() => CONV.parse(['x', 'w', null, 'a']))).toBe("conv2d(): argument 'stride' (position 4) must be tuple of ints, not str");
    expect(msg(() => CONV.parse(['x', 'w', { groups: 1.5 }]))).toBe("conv2d(): argument 'groups' must be int, not float");
    expect(msg(() => CONV.parse(['x']))).toBe('conv2d() missing 1 required positional argument: "weight"');
    expect(msg(() => CONV.parse(['x', 'w', null, 1, 1, 1, 1, 1]))).toBe('conv2d() takes at most 7 positional arguments but 8 were given');
  });
  it('lists every overload when none matches', () => {
    expect(msg(() => SUM.bind(['x', 'a', 1]))).toBe(
      'sum() received an invalid combination of arguments - got (str, str, int), but expected one of:\n' +
        " * (object input, *, torch.dtype dtype)\n      didn't match because takes at most 1 positional argument but 3 were given\n" +
        " * (object input, tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n      didn't match because argument 'dim' (position 2) must be tuple of ints, not str",
    );
  });
});
