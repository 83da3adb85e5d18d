// nn.BatchNorm1d/2d/3d and nn.InstanceNorm2d: PyTorch's _NormBase (parameters, running-statistic
// buffers, state_dict versions) with _BatchNorm's and _InstanceNorm's forward.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { ValueError, signature, tensor } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { batchNormImpl, instanceNorm } from '../functional/normalization.js';
import { ones_, zeros_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';

interface NormArgs extends FactoryOptions {
  numFeatures: number;
  eps: number;
  momentum: number | null;
  affine: boolean;
  trackRunningStats: boolean;
}
/** Options of the batch and instance norms. */
export type NormOptions = Partial<NormArgs>;
type NormPositional = [numFeatures: number, eps: number, momentum: number | null, affine: boolean, trackRunningStats: boolean, device: Device | null, dtype: DType | null];
const normSignature = (name: string, affine: 'True' | 'False', track: 'True' | 'False') =>
  signature<{ '': Required<NormArgs> }>(
    `${name}(int num_features, float eps=1e-05, float? momentum=0.1, bool affine=${affine}, bool track_running_stats=${track}, Device? device=None, ScalarType? dtype=None)`,
  );
const SIGNATURES: Record<string, ReturnType<typeof normSignature>> = {
  BatchNorm1d: normSignature('BatchNorm1d', 'True', 'True'),
  BatchNorm2d: normSignature('BatchNorm2d', 'True', 'True'),
  BatchNorm3d: normSignature('BatchNorm3d', 'True', 'True'),
  InstanceNorm2d: normSignature('InstanceNorm2d', 'False', 'False'),
};

/** `_NormBase`: weight/bias (affine), running_mean/running_var/num_batches_tracked (tracking). */
export class NormBase extends Module {
  static override _version = 2;
  declare numFeatures: number;
  declare eps: number;
  declare momentum: number | null;
  declare affine: boolean;
  declare trackRunningStats: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  declare running_mean: Tensor | null;
  declare running_var: Tensor | null;
  declare num_batches_tracked: Tensor | null;

  constructor(name: string, args: readonly unknown[]) {
    super();
    const a = SIGNATURES[name]!.parse(args);
    this.numFeatures = a.numFeatures;
    this.eps = a.eps;
    this.momentum = a.momentum;
    this.affine = a.affine;
    this.trackRunningStats = a.trackRunningStats;
    if (a.affine) {
      this.weight = new Parameter(factoryEmpty([a.numFeatures], a));
      this.bias = new Parameter(factoryEmpty([a.numFeatures], a));
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    if (a.trackRunningStats) {
      this.registerBuffer('running_mean', factoryEmpty([a.numFeatures], a).zero_());
      this.registerBuffer('running_var', factoryEmpty([a.numFeatures], a).fill_(1));
      this.registerBuffer('num_batches_tracked', factoryEmpty([], { device: a.device }, 'int64').zero_());
    } else {
      this.registerBuffer('running_mean', null);
      this.registerBuffer('running_var', null);
      this.registerBuffer('num_batches_tracked', null);
    }
    this.resetParameters();
  }
  /** `reset_running_stats()`: mean 0, var 1, no batches tracked. @example bn.resetRunningStats() */
  resetRunningStats(): void {
    if (!this.trackRunningStats) return;
    noGrad(() => {
      this.running_mean!.zero_();
      this.running_var!.fill_(1);
      this.num_batches_tracked!.zero_();
    });
  }
  /** `reset_parameters()`: running statistics reset, weight 1, bias 0. @example bn.resetParameters() */
  resetParameters(): void {
    this.resetRunningStats();
    if (this.affine) {
      ones_(this.weight!);
      zeros_(this.bias!);
    }
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `${this.numFeatures}, eps=${pyNumber(this.eps, true)}, momentum=${this.momentum === null ? 'None' : pyNumber(this.momentum, true)}, affine=${pyRepr(this.affine)}, track_running_stats=${pyRepr(this.trackRunningStats)}`;
  }
  /** Before version 2 there was no `num_batches_tracked`: a checkpoint without it loads as 0 (as PyTorch's _NormBase). */
  override loadFromStateDict(
    stateDict: Record<string, unknown>, prefix: string, localMetadata: Record<string, unknown>, strict: boolean,
    missingKeys: string[], unexpectedKeys: string[], errorMsgs: string[],
  ): void {
    const version = localMetadata['version'] as number | undefined;
    if ((version === undefined || version < 2) && this.trackRunningStats) {
      const key = `${prefix}num_batches_tracked`;
      if (!(key in stateDict)) stateDict[key] = tensor(0, { dtype: 'int64' });
    }
    super.loadFromStateDict(stateDict, prefix, localMetadata, strict, missingKeys, unexpectedKeys, errorMsgs);
  }
}

/** `_BatchNorm`: batch statistics in training (updating the running ones), running ones in eval. */
class BatchNormNd extends NormBase {
  constructor(name: string, args: readonly unknown[], private readonly dims: readonly number[]) {
    super(name, args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    if (!this.dims.includes(input.ndim)) {
      throw new ValueError(`expected ${this.dims.map((d) => `${d}D`).join(' or ')} input (got ${input.ndim}D input)`);
    }
    let factor: number | Tensor = this.momentum ?? 0;
    if (this.training && this.trackRunningStats && this.num_batches_tracked !== null) {
      const nbt = this.num_batches_tracked;
      noGrad(() => nbt.add_(1));
      // the cumulative average (momentum None) as a tensor: no read back from the device
      if (this.momentum === null) factor = nbt.to(input.dtype).reciprocal();
    }
    const bnTraining = this.training || (this.running_mean === null && this.running_var === null);
    const useRunning = !this.training || this.trackRunningStats;
    return batchNormImpl({
      input, runningMean: useRunning ? this.running_mean : null, runningVar: useRunning ? this.running_var : null,
      weight: this.weight, bias: this.bias, training: bnTraining, momentum: factor, eps: this.eps,
    });
  }
}

/** `nn.BatchNorm1d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)`: [N, C] or [N, C, L]. @example new nn.BatchNorm1d(4).call(torch.randn(8, 4)).shape // [8, 4] */
export class BatchNorm1d extends BatchNormNd {
  constructor(...args: Args<NormPositional, NormOptions>) {
    super('BatchNorm1d', args, [2, 3]);
  }
}
/** `nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)`: [N, C, H, W]. @example new nn.BatchNorm2d(32).call(torch.randn(4, 32, 8, 8)).shape // [4, 32, 8, 8] */
export class BatchNorm2d extends BatchNormNd {
  constructor(...args: Args<NormPositional, NormOptions>) {
    super('BatchNorm2d', args, [4]);
  }
}
/** `nn.BatchNorm3d(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)`: [N, C, D, H, W]. @example new nn.BatchNorm3d(2).call(torch.randn(2, 2, 3, 3, 3)).shape // [2, 2, 3, 3, 3] */
export class BatchNorm3d extends BatchNormNd {
  constructor(...args: Args<NormPositional, NormOptions>) {
    super('BatchNorm3d', args, [5]);
  }
}

/**
 * `nn.InstanceNorm2d(num_features, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)`:
 * normalises each (sample, channel) plane of [N, C, H, W] or [C, H, W] input.
 * @example new nn.InstanceNorm2d(3).call(torch.randn(2, 3, 4, 4)).shape // [2, 3, 4, 4]
 */
export class InstanceNorm2d extends NormBase {
  constructor(...args: Args<NormPositional, NormOptions>) {
    super('InstanceNorm2d', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    if (input.ndim !== 3 && input.ndim !== 4) throw new ValueError(`expected 3D or 4D input (got ${input.ndim}D input)`);
    const unbatched = input.ndim === 3;
    const x = unbatched ? input.unsqueeze(0) : input;
    const channelDim = 1;
    if (x.shape[channelDim] !== this.numFeatures) {
      if (this.affine) throw new ValueError(`expected input's size at dim=${channelDim} to match num_features (${this.numFeatures}), but got: ${x.shape[channelDim]}.`);
      console.warn(`input's size at dim=${channelDim} does not match num_features. You can silence this warning by not passing in num_features, which is not used because affine=False`);
    }
    const y = instanceNorm(x, {
      runningMean: this.running_mean, runningVar: this.running_var, weight: this.weight, bias: this.bias,
      useInputStats: this.training || !this.trackRunningStats, momentum: this.momentum ?? 0, eps: this.eps,
    });
    return unbatched ? y.squeeze(0) : y;
  }
  /** As PyTorch's _InstanceNorm: a checkpoint of no version with running statistics that are not tracked is refused. */
  override loadFromStateDict(
    stateDict: Record<string, unknown>, prefix: string, localMetadata: Record<string, unknown>, strict: boolean,
    missingKeys: string[], unexpectedKeys: string[], errorMsgs: string[],
  ): void {
    if (localMetadata['version'] === undefined && !this.trackRunningStats) {
      const keys = ['running_mean', 'running_var'].map((n) => prefix + n).filter((k) => k in stateDict);
      if (keys.length > 0) {
        const klass = this._getName();
        errorMsgs.push(
          `Unexpected running stats buffer(s) ${keys.map((k) => `"${k}"`).join(' and ')} for ${klass} with track_running_stats=False. If state_dict is a checkpoint saved before 0.4.0, this may be expected because ${klass} does not track running stats by default since 0.4.0. Please remove these keys from state_dict. If the running stats are actually needed, instead set track_running_stats=True in ${klass} to enable them. See the documentation of ${klass} for details.`,
        );
        for (const k of keys) delete stateDict[k];
      }
    }
    super.loadFromStateDict(stateDict, prefix, localMetadata, strict, missingKeys, unexpectedKeys, errorMsgs);
  }
}
