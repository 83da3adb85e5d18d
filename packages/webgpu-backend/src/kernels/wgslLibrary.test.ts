// The linker appends what a kernel calls, transitively, and nothing else.

import { describe, expect, it } from 'vitest';
import { link } from './wgslLibrary.js';

const defined = (code: string): string[] => [...code.matchAll(/^(?:fn|struct)\s+(\w+)|^var<private>\s+(\w+)/gm)].map((m) => m[1] ?? m[2]!);

describe('link', () => {
  it('adds the helpers a kernel calls and the ones they call', () => {
    const names = defined(link('fn main() { let y = safe_exp(1.0f); }'));
    expect(names.slice(0, 1)).toEqual(['main']);
    expect(new Set(names.slice(1))).toEqual(new Set(['safe_exp', 'is_nan', 'inf_f', 'INF_BITS']));
  });

  it('adds the int64 division chain and its struct, and leaves a kernel without calls alone', () => {
    const names = defined(link('fn main() { let q = i64_floordiv(a, b); }'));
    for (const n of ['i64_floordiv', 'u64_divmod', 'U64DivMod', 'i64_abs', 'i64_neg', 'i64_sub', 'u64_lt', 'i64_shl']) expect(names).toContain(n);
    expect(names).not.toContain('i64_mul');
    expect(link('fn main() { out[0] = 1u; }')).toBe('fn main() { out[0] = 1u; }');
  });
});
