// Python's str() of the plain values an optimizer prints (`repr(optimizer)`): True/False,
// None, tuples, and floats in Python's notation (1e-08, 0.001). JS has one number type,
// so integral values print as ints.

/**
 * A number as Python prints a float (integral values as ints).
 * @example pyNumber(1e-8) // '1e-08'
 */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return String(x);
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) return String(x);
  const digits = exp < 0 ? `-${String(-exp).padStart(2, '0')}` : `+${String(exp).padStart(2, '0')}`;
  return `${mantissa}e${digits}`;
}

/**
 * A value as Python's `str()` prints it.
 * @example pyStr([0.9, 0.999]) // '(0.9, 0.999)'
 */
export function pyStr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return pyNumber(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return `(${v.map((e) => (typeof e === 'string' ? `'${e}'` : pyStr(e))).join(', ')}${v.length === 1 ? ',' : ''})`;
  if (typeof v === 'function') return `<function ${v.name || '<lambda>'}>`;
  return String(v);
}
