// Normalize: per-channel (x - mean) / std of float tensor images.

import type { Tensor } from '@torchlet/tensor';
import { TorchTypeError, ValueError, signature, tensor } from '@torchlet/tensor';
import { Transform, dimensions } from './transform.js';

const ARGS = signature<{ '': { mean: number[]; std: number[]; inplace: boolean } }>('Normalize(float[] mean, float[] std, bool inplace=False)');

/**
 * `torchvision.transforms.Normalize(mean, std, inplace=False)`: `(x[c] - mean[c]) / std[c]` for
 * each channel of a float image `[..., C, H, W]`.
 * @example new Normalize([0.2860], [0.3530]).call(new ToTensor().call(image))
 */
export class Normalize extends Transform {
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly inplace: boolean;
  protected readonly args: readonly unknown[];
  /** mean and std as [C, 1, 1] tensors, per image dtype (made and checked once). */
  private readonly stats = new Map<string, [Tensor, Tensor]>();

  constructor(mean: readonly number[], std: readonly number[], opts?: { inplace?: boolean });
  constructor(mean: readonly number[], std: readonly number[], inplace?: boolean);
  constructor(...args: unknown[]) {
    super();
    const a = ARGS.parse(args);
    this.mean = a.mean;
    this.std = a.std;
    this.inplace = a.inplace;
    this.args = [this.mean, this.std, { inplace: this.inplace }];
  }

  call(t: Tensor): Tensor {
    dimensions(t);
    if (t.dtype !== 'float32' && t.dtype !== 'float64' && t.dtype !== 'float16' && t.dtype !== 'bfloat16') {
      throw new TorchTypeError(`Input tensor should be a float tensor. Got torch.${t.dtype}.`);
    }
    if (t.ndim < 3) throw new ValueError(`Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = torch.Size([${t.shape.join(', ')}])`);
    const [mean, std] = this.statsFor(t);
    return (this.inplace ? t : t.clone()).sub_(mean).div_(std);
  }

  private statsFor(t: Tensor): [Tensor, Tensor] {
    const key = `${t.dtype}@${t.device}`;
    let s = this.stats.get(key);
    if (s === undefined) {
      const mean = tensor([...this.mean], { dtype: t.dtype, device: t.device });
      const std = tensor([...this.std], { dtype: t.dtype, device: t.device });
      if (std.eq(0).any().itemSync()) throw new ValueError(`std evaluated to zero after conversion to torch.${t.dtype}, leading to division by zero.`);
      s = [mean.view(-1, 1, 1), std.view(-1, 1, 1)];
      this.stats.set(key, s);
    }
    return s;
  }

  protected override describe(): string {
    return `mean=[${this.mean.join(', ')}], std=[${this.std.join(', ')}]`;
  }
}
