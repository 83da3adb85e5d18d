// The WGSL helper library (bit tests, float32 and int32 math, int64) and the
// linker that appends to a kernel only the declarations it uses, transitively.
// Shader compilers compile unused functions too: on SwiftShader the whole float
// library roughly tripled the time to create a pipeline.

import { I64_MATH } from './int64Wgsl.js';
import { FLOAT_MATH, INT_MATH } from './mathWgsl.js';
import { COMMON_WGSL } from './wgslTypes.js';

const START = /^(?:fn|struct)\s+(\w+)|^var<private>\s+(\w+)/;
const IDENT = /[A-Za-z_]\w*/g;

/** Splits library text into its module-scope declarations by name (each runs to the next; comments go with the next). */
function parse(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  let pending: string[] = [];
  const close = (): void => {
    if (name === undefined) return;
    out.set(name, lines.join('\n'));
  };
  for (const line of text.split('\n')) {
    const m = START.exec(line);
    if (m) {
      close();
      name = m[1] ?? m[2];
      lines = [...pending, line];
      pending = [];
    } else if (line.startsWith('//')) {
      pending.push(line);
    } else if (line.trim() !== '' || name !== undefined) {
      lines.push(line);
    }
  }
  close();
  return out;
}

const LIBRARY = parse([COMMON_WGSL, FLOAT_MATH, INT_MATH, I64_MATH].join('\n'));

/**
 * `code` followed by every library declaration it uses (and those they use), in library order.
 *
 * @example link('fn main() { let x = safe_exp(1.0f); }') // also defines safe_exp, is_nan, inf_f, …
 */
export function link(code: string): string {
  const needed = new Set<string>();
  const visit = (text: string): void => {
    for (const id of text.match(IDENT) ?? []) {
      const d = LIBRARY.get(id);
      if (d && !needed.has(id)) {
        needed.add(id);
        visit(d);
      }
    }
  };
  visit(code);
  const used = [...LIBRARY].filter(([n]) => needed.has(n)).map(([, d]) => d);
  return used.length > 0 ? `${code}\n${used.join('\n')}` : code;
}
