// Reading test/fixtures/data.json (written by tools/fixtures/data.py).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface Case {
  readonly kind: string;
  readonly [key: string]: unknown;
}

const file = JSON.parse(readFileSync(new URL('./fixtures/data.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** The fixture cases of one kind. */
export function cases<C extends Case = Case>(kind: string): C[] {
  return file.cases.filter((c) => c.kind === kind) as C[];
}

/** An index list as the fixture writes it: the list, or {count, head, sha256} for long ones. */
export type Order = number[] | { count: number; head: number[]; sha256: string };

/** Asserts `got` is the fixture's order. */
export function expectOrder(got: readonly number[], want: Order): void {
  if (Array.isArray(want)) {
    expect(got).toEqual(want);
    return;
  }
  expect(got.length).toBe(want.count);
  expect(got.slice(0, 16)).toEqual(want.head);
  expect(createHash('sha256').update(got.join(',')).digest('hex')).toBe(want.sha256);
}
