// The part of torch.nn.utils that @torchlet/optim implements (gradient clipping), for the
// umbrella's `torch.nn.utils` to spread in: `utils: { ...clipGradUtils, … }`.
import { clipGradNorm_, clipGradValue_, getTotalNorm } from '@torchlet/optim';

/**
 * `torch.nn.utils.clip_grad_norm_`, `clip_grad_value_` and `get_total_norm`.
 * @example clipGradUtils.clipGradNorm_(model.parameters(), 1.0)
 */
export const clipGradUtils = { clipGradNorm_, clipGradValue_, getTotalNorm } as const;
