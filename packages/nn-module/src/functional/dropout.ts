// dropout, dropout1d/2d/3d, alpha_dropout, feature_alpha_dropout: PyTorch's CPU kernel
// (_dropout_impl) step by step, so that the same seed gives the same masks.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, empty, signature, zeros } from '@torchlet/tensor';
import type { Args } from '../args.js';

interface DropoutArgs {
  input: Tensor;
  p: number;
  training: boolean;
  inplace: boolean;
}
/** Options of the dropout functions. */
export type DropoutOptions = Partial<Omit<DropoutArgs, 'input'>>;
type DropoutRest = Args<[p: number, training: boolean, inplace: boolean], DropoutOptions>;

const dropoutSignature = (name: string, training: 'True' | 'False') =>
  signature<{ '': DropoutArgs }>(`${name}(Tensor input, float p=0.5, bool training=${training}, bool inplace=False)`);
const DROPOUT = dropoutSignature('dropout', 'True');
const DROPOUT1D = dropoutSignature('dropout1d', 'True');
const DROPOUT2D = dropoutSignature('dropout2d', 'True');
const DROPOUT3D = dropoutSignature('dropout3d', 'True');
const ALPHA_DROPOUT = dropoutSignature('alpha_dropout', 'False');
const FEATURE_ALPHA_DROPOUT = dropoutSignature('feature_alpha_dropout', 'False');

const SELU_ALPHA_PRIME = 1.7580993408473766;

/** `_dropout_impl<feature, alpha, inplace>`: noise from bernoulli_(1 - p), scaled; alpha dropout adds its shift. */
function dropoutImpl(a: DropoutArgs, feature: boolean, alpha: boolean): Tensor {
  const { input, p, training, inplace } = a;
  if (p < 0 || p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${p}`);
  if (p === 0 || !training || input.numel() === 0) return input;
  if (p === 1) {
    const z = zeros([], { dtype: input.dtype, device: input.device });
    return inplace ? input.mul_(z) : input.mul(z);
  }
  // the noise is row-major whatever the input's layout (PyTorch: LEGACY_CONTIGUOUS_MEMORY_FORMAT)
  const shape = feature ? [input.shape[0]!, input.shape[1]!, ...new Array<number>(input.ndim - 2).fill(1)] : input.shape;
  const noise = empty([...shape], { dtype: input.dtype, device: input.device });
  noise.bernoulli_(1 - p);
  if (!alpha) {
    noise.div_(1 - p);
    return inplace ? input.mul_(noise) : input.mul(noise);
  }
  const scale = 1 / Math.sqrt((SELU_ALPHA_PRIME * SELU_ALPHA_PRIME * p + 1) * (1 - p));
  const shift = noise.add(-1).mul_(SELU_ALPHA_PRIME * scale).add_(SELU_ALPHA_PRIME * scale * p);
  noise.mul_(scale);
  return (inplace ? input.mul_(noise) : input.mul(noise)).add_(shift);
}

/**
 * `F.dropout(input, p=0.5, training=True, inplace=False)`: zeroes each element with probability
 * `p` and scales the rest by 1/(1-p) (PyTorch's masks for the same seed).
 * @example torch.manualSeed(0); F.dropout(torch.ones(4), 0.5)
 */
export function dropout(input: Tensor, ...rest: DropoutRest): Tensor {
  return dropoutImpl(DROPOUT.parse([input, ...rest]), false, false);
}

/** Channel-wise dropout of batched [N, C, …] or unbatched [C, …] input (`batchedDims` with the batch). */
function featureDropout(a: DropoutArgs, batchedDims: number): Tensor {
  const d = a.input.ndim;
  if (d === batchedDims) return dropoutImpl(a, true, false);
  const out = dropoutImpl({ ...a, input: a.input.unsqueeze(0) }, true, false).squeeze(0);
  return a.inplace ? a.input : out;
}

/**
 * `F.dropout1d(input, p=0.5, training=True, inplace=False)`: zeroes whole channels of [N, C, L]
 * or [C, L] input.
 * @example F.dropout1d(torch.ones(2, 3, 4), 0.5)
 */
export function dropout1d(input: Tensor, ...rest: DropoutRest): Tensor {
  const a = DROPOUT1D.parse([input, ...rest]);
  const d = a.input.ndim;
  if (d !== 2 && d !== 3) {
    throw new RuntimeError(
      `dropout1d: Expected 2D or 3D input, but received a ${d}D input. Note that dropout1d exists to provide channel-wise dropout on inputs with 1 spatial dimension, a channel dimension, and an optional batch dimension (i.e. 2D or 3D inputs).`,
    );
  }
  return featureDropout(a, 3);
}

/**
 * `F.dropout2d(input, p=0.5, training=True, inplace=False)`: zeroes whole channels (dim 1); as
 * PyTorch 1.13, a 3-D input is taken as [N, C, L].
 * @example F.dropout2d(torch.ones(2, 3, 4, 4), 0.5)
 */
export function dropout2d(input: Tensor, ...rest: DropoutRest): Tensor {
  const a = DROPOUT2D.parse([input, ...rest]);
  const d = a.input.ndim;
  if (d !== 3 && d !== 4) console.warn(`dropout2d: Received a ${d}-D input to dropout2d, which is deprecated and will result in an error in a future release.`);
  if (d < 2) throw new RuntimeError(`Feature dropout requires at least 2 dimensions in the input`);
  return dropoutImpl(a, true, false);
}

/** `F.dropout3d(input, p=0.5, training=True, inplace=False)`: channel-wise dropout of [N, C, D, H, W] or [C, D, H, W]. @example F.dropout3d(torch.ones(1, 2, 2, 2, 2)) */
export function dropout3d(input: Tensor, ...rest: DropoutRest): Tensor {
  const a = DROPOUT3D.parse([input, ...rest]);
  const d = a.input.ndim;
  if (d !== 4 && d !== 5) console.warn(`dropout3d: Received a ${d}-D input to dropout3d, which is deprecated and will result in an error in a future release.`);
  return featureDropout(a, 5);
}

/**
 * `F.alpha_dropout(input, p=0.5, training=False, inplace=False)`: dropout that keeps SELU's
 * self-normalising mean and variance.
 * @example F.alphaDropout(x, 0.2, true)
 */
export function alphaDropout(input: Tensor, ...rest: DropoutRest): Tensor {
  return dropoutImpl(ALPHA_DROPOUT.parse([input, ...rest]), false, true);
}

/** `F.feature_alpha_dropout(input, p=0.5, training=False, inplace=False)`: alpha dropout of whole channels. @example F.featureAlphaDropout(x, 0.2, true) */
export function featureAlphaDropout(input: Tensor, ...rest: DropoutRest): Tensor {
  return dropoutImpl(FEATURE_ALPHA_DROPOUT.parse([input, ...rest]), true, true);
}
