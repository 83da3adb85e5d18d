// The type of a batch made by defaultCollate from samples of type T.

import type { Tensor } from '@torchlet/tensor';

/**
 * What `defaultCollate` makes of a list of `T`: tensors, numbers and typed arrays become one
 * tensor, strings a list of strings, tuples and objects are collated field by field.
 * @example type B = Collated<[Tensor, number]>; // [Tensor, Tensor]
 */
export type Collated<T> = T extends Tensor
  ? Tensor
  : T extends number | boolean | bigint | ArrayBufferView
    ? Tensor
    : T extends string
      ? string[]
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: Collated<T[K]> }
        : T extends Record<string, unknown>
          ? { [K in keyof T]: Collated<T[K]> }
          : unknown;
