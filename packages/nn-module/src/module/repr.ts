// repr(module) as PyTorch prints it: `Name(extra_repr)` or one `(name): child` line per submodule.

import type { Module } from './module.js';

/** Indents every line but the first by `spaces` (PyTorch's `_addindent`). @example addIndent('a\nb', 2) // 'a\n  b' */
export function addIndent(s: string, spaces: number): string {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const pad = ' '.repeat(spaces);
  return [lines[0], ...lines.slice(1).map((l) => pad + l)].join('\n');
}

/** `repr(module)`. */
export function moduleRepr(module: Module): string {
  const extra = module.extraRepr();
  const extraLines = extra ? extra.split('\n') : [];
  const childLines = [...module._modules].map(([key, child]) => `(${key}): ${addIndent(child === null ? 'None' : child.toString(), 2)}`);
  const lines = [...extraLines, ...childLines];
  let main = `${module._getName()}(`;
  if (lines.length > 0) {
    if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
    else main += `\n  ${lines.join('\n  ')}\n`;
  }
  return `${main})`;
}

/** A Python literal for extra_repr strings: `True`/`False`/`None`, tuples as `(2, 2)`, strings quoted. @example pyRepr([2, 2]) // '(2, 2)' */
export function pyRepr(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'number') return pyNumber(v);
  if (Array.isArray(v)) return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
  return String(v);
}

/** A number as Python's repr prints it (`1e-05`, `0.1`, `1.0` stays `1` only for ints). @example pyNumber(1e-5) // '1e-05' */
export function pyNumber(v: number, isFloat = false): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && !isFloat) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  // Python switches to exponent form below 1e-4 and from 1e16, with at least two exponent digits
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [m, e] = v.toExponential().split('e') as [string, string];
    const sign = e.startsWith('-') ? '-' : '+';
    const digits = e.replace(/^[+-]/, '').padStart(2, '0');
    return `${m}e${sign}${digits}`;
  }
  return String(v);
}
