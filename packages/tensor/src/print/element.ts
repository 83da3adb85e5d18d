/** How the elements of a tensor are spelled: float, integer or bool. */
export type ElementKind = 'float' | 'int' | 'bool';

/** A scalar element as stored in a printable tensor. */
export type Element = number | bigint;

/**
 * Python's `str` of one integer or bool element.
 *
 * @example
 * plainElement(1, 'bool'); // 'True'
 * plainElement(-3n, 'int'); // '-3'
 */
export function plainElement(v: Element, kind: 'int' | 'bool'): string {
  if (kind === 'bool') return Number(v) !== 0 ? 'True' : 'False';
  if (typeof v === 'bigint') return v.toString();
  return Number.isInteger(v) ? BigInt(v).toString() : String(v);
}
