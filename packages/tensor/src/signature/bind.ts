// The one argument binder (PyTorch's PythonArgParser is the model). Each public
// op declares its PyTorch signature once; the binder takes positional arguments
// in PyTorch's order and any parameter by its camelCased name in one trailing
// options object, applies defaults and type conversions, and hands the op one
// resolved record. Bad calls get PyTorch's kind of TypeError, naming the op.

import { TorchTypeError } from '../errors.js';
import type { OverloadSpec, ParamSpec } from './schema.js';
import { camelCase, parseSchema } from './schema.js';
import type { Converter } from './types.js';
import { converterFor, describeValue, isPlainObject, NO_MATCH, typeName } from './types.js';

/** The result of binding: which overload matched, and its arguments by torchlet name. */
export type Bound<O> = { [K in keyof O]: { readonly overload: K; readonly args: O[K] } }[keyof O];

/** Why an overload did not take the arguments (for the error message). */
type Reason =
  | { kind: 'unknown'; key: string }
  | { kind: 'twice'; param: ParamSpec }
  | { kind: 'type'; param: ParamSpec; position: number | undefined; value: unknown }
  | { kind: 'missing'; params: ParamSpec[] }
  | { kind: 'tooMany'; given: number; most: number };

/** A failed match (a class, so that it cannot be mistaken for an argument record). */
class Mismatch {
  constructor(readonly reason: Reason) {}
}

const UNSET: unique symbol = Symbol('unset');

/** One overload, compiled: converters, the positional order, the name table. */
class CompiledOverload {
  readonly spec: OverloadSpec;
  private readonly convert: Converter[];
  private readonly paramNames: readonly string[];
  /** Every parameter name, in order, set to UNSET: the shape each bound record starts from. */
  private readonly template: Record<string, unknown>;
  /** Declared defaults, converted once (`int[2] stride=1` → `[1, 1]`) and frozen. */
  private readonly defaults: unknown[];
  /** Indices into params of the parameters that may be given positionally, in order. */
  private readonly positional: number[];
  private readonly varargs: number;
  private readonly byName: Map<string, number>;
  /** PyTorch lets `f(2, 3)` stand for `f((2, 3))` when an int list is the only positional parameter. */
  private readonly varargsIntList: boolean;

  constructor(spec: OverloadSpec, readonly method: boolean) {
    this.spec = spec;
    this.convert = spec.params.map((p) => converterFor(p.type));
    this.defaults = spec.params.map((p, i) => {
      if (!p.hasDefault || p.defaultValue === null) return p.defaultValue;
      const v = this.convert[i]!(p.defaultValue);
      if (v === NO_MATCH) throw new Error(`bad signature '${spec.name}': the default of '${p.pyName}' is not a ${typeName(p.type)}`);
      return Array.isArray(v) ? Object.freeze(v) : v;
    });
    const first = method ? 1 : 0;
    this.positional = [];
    spec.params.forEach((p, i) => {
      if (i >= first && !p.kwOnly && !p.varargs) this.positional.push(i);
    });
    this.varargs = spec.params.findIndex((p, i) => i >= first && p.varargs);
    this.byName = new Map(spec.params.map((p, i) => [p.name, i]));
    this.paramNames = spec.params.map((p) => p.name);
    this.template = Object.fromEntries(this.paramNames.map((k) => [k, UNSET]));
    const only = this.positional.length === 1 ? spec.params[this.positional[0]!]! : undefined;
    this.varargsIntList = only !== undefined && only.type.list && (only.type.base === 'int' || only.type.base === 'SymInt');
  }

  /** Whether a trailing plain object at positional index `i` is a `Dict` argument rather than the options. */
  private takesDictAt(i: number): boolean {
    const p = this.positional[i];
    return p !== undefined && this.spec.params[p]!.type.base === 'Dict';
  }

  /** The record of arguments, or why these arguments do not fit. */
  tryBind(self: unknown, args: readonly unknown[]): Record<string, unknown> | Mismatch {
    const params = this.spec.params;
    const names = this.paramNames;
    // a copy of the template keeps one object shape for every call of this overload
    const out: Record<string, unknown> = { ...this.template };
    let n = args.length;
    let kw: Record<string, unknown> | undefined;
    if (n > 0 && isPlainObject(args[n - 1]) && !this.takesDictAt(n - 1)) kw = args[--n] as Record<string, unknown>;
    if (this.method) out[names[0]!] = self;
    if (this.varargsIntList && n > 1 && typeof args[0] === 'number') {
      const p = this.positional[0]!;
      const v = this.convert[p]!(args.slice(0, n));
      if (v === NO_MATCH) return new Mismatch({ kind: 'type', param: params[p]!, position: 1, value: args.slice(0, n) });
      out[names[p]!] = v;
    } else {
      const nPos = this.positional.length;
      for (let i = 0; i < n; i++) {
        const v = args[i];
        let p: number;
        if (i < nPos) p = this.positional[i]!;
        else if (this.varargs >= 0) {
          const rest = args.slice(i, n);
          const c = this.convert[this.varargs]!(rest.length === 1 && Array.isArray(rest[0]) ? rest[0] : rest);
          if (c === NO_MATCH) return new Mismatch({ kind: 'type', param: params[this.varargs]!, position: i + 1, value: rest });
          out[names[this.varargs]!] = c;
          break;
        } else return new Mismatch({ kind: 'tooMany', given: n, most: nPos });
        if (v === undefined) continue;
        const c = this.convert[p]!(v);
        if (c === NO_MATCH) return new Mismatch({ kind: 'type', param: params[p]!, position: i + 1, value: v });
        out[names[p]!] = c;
      }
    }
    if (kw !== undefined) {
      for (const key in kw) {
        const v = kw[key];
        if (v === undefined) continue;
        const p = this.byName.get(key);
        if (p === undefined || (this.method && p === 0)) return new Mismatch({ kind: 'unknown', key });
        if (out[key] !== UNSET) return new Mismatch({ kind: 'twice', param: params[p]! });
        const c = this.convert[p]!(v);
        if (c === NO_MATCH) return new Mismatch({ kind: 'type', param: params[p]!, position: undefined, value: v });
        out[key] = c;
      }
    }
    let missing: ParamSpec[] | undefined;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      if (out[name] !== UNSET) continue;
      const p = params[i]!;
      if (p.hasDefault) out[name] = this.defaults[i];
      else if (p.varargs) out[name] = [];
      else (missing ??= []).push(p);
    }
    if (missing !== undefined) return new Mismatch({ kind: 'missing', params: missing });
    return out;
  }

  /** The overload as PyTorch's messages print it: `(Tensor input, tuple of ints dim, bool keepdim, *, torch.dtype dtype)`. */
  describe(): string {
    const parts: string[] = [];
    let star = false;
    this.spec.params.forEach((p, i) => {
      if (this.method && i === 0) return;
      if (p.kwOnly && !p.varargs && !star) {
        parts.push('*');
        star = true;
      }
      parts.push(`${p.varargs ? '*' : ''}${typeName(p.type)} ${p.name}`);
    });
    return `(${parts.join(', ')})`;
  }

  /** Every name the overload takes by keyword. */
  names(): string[] {
    return this.spec.params.filter((_, i) => !(this.method && i === 0)).map((p) => p.name);
  }
}

/** Every signature declared, for the test that compares them with PyTorch's. */
export const signatureRegistry: Signature<Record<string, unknown>>[] = [];

/**
 * An op's PyTorch signature, declared once at module scope; `parse`/`bind` resolve a call's
 * arguments. `O` maps each overload's name (the part after `.`, `''` when none) to its record.
 * @example
 * const SUM = signature<{ '': { input: Tensor; dtype: DType | null }; dim: { input: Tensor; dim: number[] | null; keepdim: boolean; dtype: DType | null } }>(
 *   'sum(Tensor input, *, ScalarType? dtype=None)',
 *   'sum.dim(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None)',
 * );
 * SUM.bind([x, 1, { keepdim: true }]) // { overload: 'dim', args: { input: x, dim: [1], keepdim: true, dtype: null } }
 */
export class Signature<O extends Record<string, unknown>> {
  /** The torchlet name of the op, as messages print it (`maxPool2d`). */
  readonly name: string;
  /** The declarations, parsed. */
  readonly overloads: readonly OverloadSpec[];
  private readonly fns: readonly CompiledOverload[];
  private readonly methods: readonly CompiledOverload[];

  constructor(decls: readonly string[]) {
    if (decls.length === 0) throw new Error('a signature needs at least one declaration');
    this.overloads = decls.map(parseSchema);
    this.name = camelCase(this.overloads[0]!.name);
    this.fns = this.overloads.map((o) => new CompiledOverload(o, false));
    this.methods = this.overloads.map((o) => new CompiledOverload(o, true));
  }

  /**
   * Binds a function call's arguments (`torch.sum(x, 1, { keepdim: true })`).
   * @example SUM.bind([x, { dim: 1 }]).args.keepdim // false
   */
  bind(args: readonly unknown[]): Bound<O> {
    return this.resolve(this.fns, undefined, args);
  }

  /**
   * Binds a method call (`x.sum(1)`): `self` is the first declared parameter.
   * @example SUM.bindMethod(x, [1]).overload // 'dim'
   */
  bindMethod(self: unknown, args: readonly unknown[]): Bound<O> {
    return this.resolve(this.methods, self, args);
  }

  /**
   * The arguments only, for a signature with one overload.
   * @example CAT.parse([[a, b], { dim: 1 }]) // { tensors: [a, b], dim: 1 }
   */
  parse(args: readonly unknown[]): O[keyof O] {
    return this.bind(args).args;
  }

  /**
   * The arguments of a method call only, for a signature with one overload.
   * @example CLAMP.parseMethod(x, [{ min: 0 }]) // { input: x, min: 0, max: null }
   */
  parseMethod(self: unknown, args: readonly unknown[]): O[keyof O] {
    return this.bindMethod(self, args).args;
  }

  private resolve(compiled: readonly CompiledOverload[], self: unknown, args: readonly unknown[]): Bound<O> {
    const mismatches: Reason[] = [];
    for (const o of compiled) {
      const r = o.tryBind(self, args);
      if (!(r instanceof Mismatch)) return { overload: o.spec.overload, args: r } as unknown as Bound<O>;
      mismatches.push(r.reason);
    }
    throw this.error(compiled, args, mismatches);
  }

  private error(compiled: readonly CompiledOverload[], args: readonly unknown[], mismatches: readonly Reason[]): TorchTypeError {
    const name = this.name;
    const unknown = mismatches.find((m) => m.kind === 'unknown');
    if (unknown !== undefined && mismatches.every((m) => m.kind === 'unknown')) {
      const names = [...new Set(compiled.flatMap((o) => o.names()))];
      return new TorchTypeError(`${name}() got an unexpected keyword argument '${unknown.key}' (it takes: ${names.join(', ')})`);
    }
    if (compiled.length === 1) return new TorchTypeError(`${name}()${explain(mismatches[0]!, compiled[0]!)}`);
    const lines = compiled.map((o, i) => ` * ${o.describe()}\n      didn't match because${explain(mismatches[i]!, o).replace(/^:? ?/, ' ')}`);
    return new TorchTypeError(`${name}() received an invalid combination of arguments - got ${describeArgs(args)}, but expected one of:\n${lines.join('\n')}`);
  }
}

/**
 * Declares an op's signature in PyTorch's schema syntax; overloads are tried in order.
 * @example const CAT = signature<{ '': { tensors: Tensor[]; dim: number } }>('cat(Tensor[] tensors, int dim=0)');
 */
export function signature<O extends Record<string, unknown>>(...decls: string[]): Signature<O> {
  const s = new Signature<O>(decls);
  signatureRegistry.push(s as unknown as Signature<Record<string, unknown>>);
  return s;
}

/** The reason text after `name()`. */
function explain(m: Reason, o: CompiledOverload): string {
  switch (m.kind) {
    case 'unknown':
      return ` got an unexpected keyword argument '${m.key}' (it takes: ${o.names().join(', ')})`;
    case 'twice':
      return ` got multiple values for argument '${m.param.name}'`;
    case 'type': {
      const at = m.position === undefined ? '' : ` (position ${m.position})`;
      return `: argument '${m.param.name}'${at} must be ${typeName(m.param.type)}, not ${describeValue(m.value)}`;
    }
    case 'missing': {
      const names = m.params.map((p) => `"${p.name}"`).join(', ');
      return ` missing ${m.params.length} required positional argument${m.params.length > 1 ? 's' : ''}: ${names}`;
    }
    case 'tooMany':
      return ` takes at most ${m.most} positional argument${m.most === 1 ? '' : 's'} but ${m.given} were given`;
  }
}

/** `(Tensor, str, dim=int)`, as PyTorch prints what it got. */
function describeArgs(args: readonly unknown[]): string {
  const parts: string[] = [];
  args.forEach((a, i) => {
    if (i === args.length - 1 && isPlainObject(a)) {
      for (const [k, v] of Object.entries(a)) if (v !== undefined) parts.push(`${k}=${describeValue(v)}`);
    } else parts.push(describeValue(a));
  });
  return `(${parts.join(', ')})`;
}
