// The call forms a loss accepts, as a union of argument tuples: its positional parameters in
// PyTorch's order up to any point, then optionally the options object. Types only; the
// runtime is the binder.

/** `P` and each of its shorter prefixes, labels kept. */
type Prefixes<P extends readonly unknown[]> = P extends readonly [...infer I, unknown] ? P | Prefixes<I> : P;

/**
 * Positional parameters `P` (any prefix) optionally followed by the options object `O`.
 * @example declare function l1Loss(input: Tensor, target: Tensor, ...rest: Forms<[sizeAverage: boolean | null], { reduction?: Reduction }>): Tensor;
 */
export type Forms<P extends readonly unknown[], O extends object> = Prefixes<P> extends infer Q ? (Q extends readonly unknown[] ? [...Q, O?] : never) : never;
