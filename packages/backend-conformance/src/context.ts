// What every suite of the conformance run shares.

import type { Backend, DType } from '@torchlet/tensor/backend';

/** The backend under test and the dtypes it stores, in the contract's order. */
export interface SuiteContext {
  readonly name: string;
  readonly backend: Backend;
  readonly dtypes: readonly DType[];
}

