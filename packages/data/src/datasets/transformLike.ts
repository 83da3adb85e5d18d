// What datasets and Compose accept as a transform: a function, or an object with `call`
// (the transforms of this package, like nn.Module's `module.call(x)`).

/**
 * A transform: a function `x => y`, or an object whose `call(x)` gives `y`.
 * @example const double: TransformLike<Tensor, Tensor> = (x) => x.mul(2);
 */
export type TransformLike<I, O> = ((x: I) => O) | { call(x: I): O };

/**
 * Applies a transform.
 * @example applyTransform(new ToTensor(), image)
 */
export function applyTransform<I, O>(t: TransformLike<I, O>, x: I): O {
  return typeof t === 'function' ? t(x) : t.call(x);
}

/** Whether a value can serve as a transform. */
export function isTransformLike(t: unknown): boolean {
  return typeof t === 'function' || (t !== null && typeof t === 'object' && typeof (t as { call?: unknown }).call === 'function');
}
