// TensorDataset: samples are the rows of several tensors.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, signature } from '@torchlet/tensor';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';
import { Dataset } from './dataset.js';

const ARGS = signature<{ '': { tensors: Tensor[] } }>('TensorDataset(*Tensor tensors)');

/**
 * `torch.utils.data.TensorDataset(*tensors)`: sample `i` is `[t0[i], t1[i], …]`; every
 * tensor has the same size along dimension 0.
 * @example
 * const ds = new TensorDataset(torch.arange(6).view(3, 2), torch.tensor([0, 1, 0]));
 * ds.get(1) // [tensor([2, 3]), tensor(1)]
 */
export class TensorDataset<T extends Tensor[] = Tensor[]> extends Dataset<T> {
  readonly tensors: Readonly<T>;

  constructor(...tensors: T) {
    super();
    const a = ARGS.parse(tensors);
    if (a.tensors.length === 0) throw new RuntimeError('TensorDataset needs at least one tensor');
    const n = a.tensors[0]!.size(0);
    if (!a.tensors.every((t) => t.size(0) === n)) throw new RuntimeError('Size mismatch between tensors');
    this.tensors = a.tensors as T;
  }

  get length(): number {
    return this.tensors[0]!.size(0);
  }

  /** `[t[index] for t in tensors]`. @example ds.get(0) */
  get(index: number): T {
    return this.tensors.map((t) => t.at(index)) as T;
  }

  /** The tensors travel to workers (copied once per worker). @example ds.workerSpec().name // 'TensorDataset' */
  override workerSpec(): WorkerSpec {
    return { module: BUILTIN, name: 'TensorDataset', args: this.tensors };
  }
}
