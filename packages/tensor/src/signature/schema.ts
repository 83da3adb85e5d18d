// Parses an op's declared signature, written in PyTorch's own schema syntax
// (`sum(Tensor input, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None)`),
// into parameter specs. Names are PyTorch's (snake_case); the binder uses their
// camelCase forms, which is what torchlet's options objects carry.

/** A parameter type as PyTorch's schemas spell it, without the optional marker. */
export interface TypeSpec {
  /** The base type: `Tensor`, `int`, `float`, `bool`, `str`, `Scalar`, `ScalarType`, `Device`, `Generator`, `Any`, … */
  readonly base: string;
  /** `int[]` / `int[2]`: a list; `size` is the fixed length a single value expands to (PyTorch's `IntArrayRef[N]`). */
  readonly list: boolean;
  readonly size: number | undefined;
  /** `Tensor?[]`: the list's elements may be None. */
  readonly elementOptional: boolean;
  /** `Tensor?`: the value may be None (`null`). */
  readonly optional: boolean;
  /** `int[2]|str`: the alternatives, tried in order (`base` is then `'Union'`). */
  readonly union?: readonly TypeSpec[];
}

/** One declared parameter. */
export interface ParamSpec {
  /** PyTorch's name (`keepdim`, `ignore_index`). */
  readonly pyName: string;
  /** The torchlet name: `pyName` camelCased (`ignoreIndex`). */
  readonly name: string;
  readonly type: TypeSpec;
  /** Whether a default is declared (`=…`); `defaultValue` is the parsed Python literal. */
  readonly hasDefault: boolean;
  readonly defaultValue: unknown;
  /** The default as written in the declaration (`False`, `"valid"`, `(0.9, 0.999)`), for comparison with PyTorch's. */
  readonly defaultText: string | undefined;
  /** After the `*` marker: only by name. */
  readonly kwOnly: boolean;
  /** `*Tensor tensors`: collects the remaining positional arguments. */
  readonly varargs: boolean;
}

/** One overload: `name.overload(params)`. */
export interface OverloadSpec {
  readonly name: string;
  readonly overload: string;
  readonly params: readonly ParamSpec[];
}

/**
 * snake_case → camelCase, keeping leading/trailing underscores (`zero_grad` → `zeroGrad`, `T_max` → `TMax`).
 * @example camelCase('ignore_index') // 'ignoreIndex'
 */
export function camelCase(name: string): string {
  return name.replace(/(?<=[A-Za-z0-9])_+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Parses `name.overload(Type a, Type? b=default, *, Type c=default)`.
 * @example parseSchema('cat(Tensor[] tensors, int dim=0)').params.map((p) => p.name) // ['tensors', 'dim']
 */
export function parseSchema(text: string): OverloadSpec {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) throw new Error(`bad signature '${text}': expected name(params)`);
  const head = text.slice(0, open).trim();
  const dot = head.indexOf('.');
  const name = dot < 0 ? head : head.slice(0, dot);
  const overload = dot < 0 ? '' : head.slice(dot + 1);
  const params: ParamSpec[] = [];
  let kwOnly = false;
  for (const part of splitTopLevel(text.slice(open + 1, close))) {
    if (part === '*') {
      kwOnly = true;
      continue;
    }
    const p = parseParam(part, kwOnly, text);
    if (p.varargs) kwOnly = true;
    params.push(p);
  }
  return { name, overload, params };
}

function parseParam(part: string, kwOnly: boolean, text: string): ParamSpec {
  const eq = topLevelIndex(part, '=');
  const decl = (eq < 0 ? part : part.slice(0, eq)).trim();
  const defaultText = eq < 0 ? undefined : part.slice(eq + 1).trim();
  const space = decl.lastIndexOf(' ');
  if (space < 0) throw new Error(`bad signature '${text}': parameter '${decl}' needs a type and a name`);
  let typeText = decl.slice(0, space).trim();
  const pyName = decl.slice(space + 1).trim();
  const varargs = typeText.startsWith('*');
  if (varargs) typeText = typeText.slice(1);
  const type = parseType(varargs ? `${typeText}[]` : typeText, text);
  return {
    pyName, name: camelCase(pyName), type, kwOnly, varargs,
    hasDefault: defaultText !== undefined,
    defaultValue: defaultText === undefined ? undefined : parseLiteral(defaultText, text),
    defaultText,
  };
}

function parseType(t: string, text: string): TypeSpec {
  if (t.includes('|')) {
    const union = t.split('|').map((u) => parseType(u.trim(), text));
    return { base: 'Union', list: false, size: undefined, elementOptional: false, optional: union.some((u) => u.optional), union };
  }
  const m = /^([A-Za-z]+)(\?)?(?:\[(\d*)\](\?)?)?$/.exec(t);
  if (!m) throw new Error(`bad signature '${text}': unknown type '${t}'`);
  const list = m[3] !== undefined;
  return {
    base: m[1]!,
    list,
    size: m[3] ? Number(m[3]) : undefined,
    elementOptional: list && m[2] === '?',
    optional: list ? m[4] === '?' : m[2] === '?',
  };
}

/** A Python literal as a JS value: None → null, True/False, numbers, inf, strings, tuples/lists → frozen arrays. */
function parseLiteral(s: string, text: string): unknown {
  if (s === 'None') return null;
  if (s === 'True') return true;
  if (s === 'False') return false;
  if (s === 'inf' || s === 'math.inf') return Infinity;
  if (s === '-inf' || s === '-math.inf') return -Infinity;
  if (s === 'nan') return NaN;
  if (/^["'].*["']$/.test(s)) return s.slice(1, -1);
  if (/^[([].*[)\]]$/.test(s)) {
    const inner = s.slice(1, -1).trim();
    return Object.freeze(inner === '' ? [] : splitTopLevel(inner).filter((e) => e !== '').map((e) => parseLiteral(e, text)));
  }
  const n = Number(s);
  if (s !== '' && !Number.isNaN(n)) return n;
  if (/^[A-Za-z_][\w.]*$/.test(s)) return s; // an enum-like name (`contiguous_format`): kept as text
  throw new Error(`bad signature '${text}': cannot read default '${s}'`);
}

/** Splits on commas outside brackets and quotes. */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out.filter((p, i) => p !== '' || i < out.length - 1);
}

function topLevelIndex(s: string, ch: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ch && depth === 0) return i;
  }
  return -1;
}
