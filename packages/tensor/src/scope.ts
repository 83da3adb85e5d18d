// tidy(): dispose every tensor a callback created and did not return.

interface Disposable {
  dispose(): void;
  readonly isDisposed: boolean;
}

const scopes: Set<Disposable>[] = [];

/** Called by every new tensor: the innermost tidy scope owns it. */
export function trackTensor(t: Disposable): void {
  scopes[scopes.length - 1]?.add(t);
}

/**
 * Removes `t` from the enclosing tidy scopes so `tidy` does not dispose it (as tf.keep).
 * @example let w; torch.tidy(() => { w = torch.keep(torch.ones(2)); }); w.isDisposed // false
 */
export function keep<T extends Disposable>(t: T): T {
  for (const s of scopes) s.delete(t);
  return t;
}

/** Every disposable reachable from a callback's result (tensors, arrays, plain objects, Maps). */
function collect(value: unknown, into: Set<unknown>, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (typeof (value as Partial<Disposable>).dispose === 'function' && 'isDisposed' in value) {
    into.add(value);
    return;
  }
  if (Array.isArray(value)) for (const v of value) collect(v, into, seen);
  else if (value instanceof Map) for (const v of value.values()) collect(v, into, seen);
  else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) collect(v, into, seen);
}

/**
 * Runs `fn` and disposes every tensor created inside it that it does not return
 * (as tf.tidy; all of them when `fn` throws). Returned tensors move to the enclosing scope.
 * @example
 * const x = torch.ones(2);
 * const y = torch.tidy(() => x.mul(2).add(1)); // the x.mul(2) temporary is freed
 * y // tensor([3., 3.])
 */
export function tidy<T>(fn: () => T): T {
  const scope = new Set<Disposable>();
  scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    // as tf.tidy: a failed callback's tensors are freed too
    for (const t of scope) if (!t.isDisposed) t.dispose();
    throw e;
  } finally {
    scopes.pop();
  }
  if (result instanceof Promise) {
    throw new TypeError('tidy() cannot take an async function: tensors created after an await are not tracked');
  }
  const kept = new Set<unknown>();
  collect(result, kept);
  const parent = scopes[scopes.length - 1];
  for (const t of scope) {
    if (kept.has(t)) parent?.add(t);
    else if (!t.isDisposed) t.dispose();
  }
  return result;
}
