// Elementwise ops and type promotion against PyTorch: every case of
// test/fixtures/elementwise.json (tools/fixtures/elementwise.py) is replayed
// through the public API, in method form (x.op(...)) and function form
// (torch.op(x, ...)) wherever PyTorch has that form. A case marked `deviation`
// records torchlet's deliberate, documented behavior instead of PyTorch's
// (no int16, float16 math on CPU, JS numbers, uint8 `where` conditions).
import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import type { Encoded, Expected, TensorSpec } from './fixtureTools.js';
import { buildTensor, decode, describeByOp, loadFixture, mismatches, special, thrown, valueMismatches } from './fixtureTools.js';

type ArgSpec = { tensor: TensorSpec } | { scalar: Encoded; type: 'int' | 'float' | 'bool' } | null;

interface OpCase {
  name: string;
  op: string;
  args: ArgSpec[];
  kwargs: Record<string, Encoded>;
  forms: ('method' | 'function')[];
  inplace: boolean;
  expected: Expected;
  base_after?: Encoded[];
  deviation?: string;
}

type OperandSpec = { tensor: { dtype: torch.DType; shape: number[] } } | { scalar: Encoded; type: 'int' | 'float' | 'bool' };

interface PromotionCase {
  kind: 'promoteTypes' | 'resultType';
  a?: torch.DType;
  b?: torch.DType;
  operands?: OperandSpec[];
  expected: string | { error: { type: string; message: string } };
  deviation?: string;
}

const fixture = loadFixture<{ torch_version: string; cases: OpCase[]; promotion: PromotionCase[] }>('elementwise.json');

type Arg = torch.Tensor | torch.Scalar | null;
type AnyFn = (...args: unknown[]) => unknown;

/** Fresh inputs for one call (in-place cases mutate them). */
function buildArgs(c: OpCase): { args: Arg[]; base: torch.Tensor | undefined } {
  let base: torch.Tensor | undefined;
  const args = c.args.map((a, i): Arg => {
    if (a === null) return null;
    if ('tensor' in a) {
      const built = buildTensor(a.tensor);
      if (i === 0) base = built.base;
      return built.input;
    }
    return decode(a.scalar);
  });
  return { args, base };
}

function kwargs(c: OpCase): Record<string, unknown> | undefined {
  const entries = Object.entries(c.kwargs);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' && special(v) === undefined ? v : decode(v)]));
}

/** Calls the op as `x.op(...rest, opts?)` or `torch.op(...args, opts?)`. */
function call(c: OpCase, form: 'method' | 'function', args: Arg[]): unknown {
  const opts = kwargs(c);
  const tail = opts === undefined ? [] : [opts];
  if (c.op === 'where') {
    const [cond, a, b] = args as [torch.Tensor, torch.Tensor, torch.TensorOrScalar];
    return form === 'function' ? torch.where(cond, a, b) : a.where(cond, b);
  }
  if (form === 'method') {
    const self = args[0] as torch.Tensor;
    const fn = (self as unknown as Record<string, unknown>)[c.op];
    if (typeof fn !== 'function') throw new Error(`torchlet lacks Tensor.${c.op}()`);
    return (fn as AnyFn).apply(self, [...args.slice(1), ...tail]);
  }
  const fn = (torch as unknown as Record<string, unknown>)[c.op];
  if (typeof fn !== 'function') throw new Error(`torchlet lacks torch.${c.op}()`);
  return (fn as AnyFn)(...args, ...tail);
}

function runCase(c: OpCase, form: 'method' | 'function'): void {
  const { args, base } = buildArgs(c);
  const note = c.deviation ? ` (deviation: ${c.deviation})` : '';
  if ('error' in c.expected) {
    const want = `${c.expected.error.type}: ${c.expected.error.message}`;
    const got = thrown(() => call(c, form, args));
    if (got !== want) throw new Error(`expected PyTorch's error «${want}», got ${got === null ? 'no error' : `«${got}»`}${note}`);
    return;
  }
  const result = call(c, form, args) as torch.Tensor;
  const bad = mismatches(result, c.expected);
  if (bad) throw new Error(`result: ${bad}${note}`);
  if (c.inplace) {
    expect(result === args[0], 'an in-place op returns its input').toBe(true);
    const badBase = valueMismatches(base!.dataSync(), base!.dtype, c.base_after!);
    if (badBase) throw new Error(`base tensor after the in-place op: ${badBase}${note}`);
  }
}

function testName(c: OpCase, form: string): string {
  return `${c.name} [${form}]${c.deviation ? ' [deviation]' : ''}`;
}

describeByOp(`elementwise ops vs PyTorch ${fixture.torch_version}`, fixture.cases, (c) => {
  for (const form of c.forms) it(testName(c, form), () => runCase(c, form));
});

function operand(o: OperandSpec): torch.Tensor | torch.Scalar {
  if ('tensor' in o) return torch.zeros(o.tensor.shape, { dtype: o.tensor.dtype });
  return decode(o.scalar);
}

function describeOperand(o: OperandSpec): string {
  if ('tensor' in o) return o.tensor.shape.length === 0 ? `0-d ${o.tensor.dtype}` : `${o.tensor.dtype}[${o.tensor.shape.join(',')}]`;
  return `${o.type} scalar`;
}

describe('type promotion vs PyTorch', () => {
  for (const p of fixture.promotion) {
    const dev = p.deviation ? ' [deviation]' : '';
    if (p.kind === 'promoteTypes') {
      it(`promoteTypes(${p.a}, ${p.b})${dev}`, () => {
        expect(torch.promoteTypes(p.a!, p.b!)).toBe(p.expected);
      });
    } else {
      it(`resultType(${p.operands!.map(describeOperand).join(', ')})${dev}`, () => {
        const ops = p.operands!.map(operand);
        if (typeof p.expected === 'string') expect(torch.resultType(...ops)).toBe(p.expected);
        else expect(thrown(() => torch.resultType(...ops))).toBe(`${p.expected.error.type}: ${p.expected.error.message}`);
      });
    }
  }
});

// Results are always of some dtype; make sure the fixture is the one the script writes.
it('fixture covers every dtype torchlet has', () => {
  const dtypes = new Set(fixture.cases.flatMap((c) => c.args.flatMap((a) => (a && 'tensor' in a ? [a.tensor.dtype] : []))));
  expect([...dtypes].sort()).toEqual(['bfloat16', 'bool', 'float16', 'float32', 'float64', 'int32', 'int64', 'int8', 'uint8']);
});

