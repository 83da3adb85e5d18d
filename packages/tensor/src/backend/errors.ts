// Errors carry PyTorch's exception kind and, where PyTorch has one, its wording.
// Backends throw them too, so they live beside the backend contract.

/** Base class of every error torchlet throws on purpose. */
export class TorchError extends Error {
  override name = 'TorchError';
}
/** PyTorch's `RuntimeError`: shape mismatches, bad dtypes, device mixes. */
export class RuntimeError extends TorchError {
  override name = 'RuntimeError';
}
/** PyTorch's `IndexError`: dims or indices out of range. */
export class IndexError extends TorchError {
  override name = 'IndexError';
}
/** PyTorch's `ValueError`. */
export class ValueError extends TorchError {
  override name = 'ValueError';
}
/** PyTorch's `TypeError`: an argument of the wrong kind. */
export class TorchTypeError extends TorchError {
  override name = 'TypeError';
}
/** PyTorch's `AttributeError`: a missing or misused attribute (nn.Module's registration rules). */
export class AttributeError extends TorchError {
  override name = 'AttributeError';
}
/** PyTorch's `KeyError`: a bad or missing name (nn.Module's registration rules, dict-like containers). */
export class KeyError extends TorchError {
  override name = 'KeyError';
}
/** PyTorch's `AssertionError`: the `assert`s of nn modules (padding_idx out of range, …). */
export class AssertionError extends TorchError {
  override name = 'AssertionError';
}
/** A feature torchlet does not have yet; the message says which. */
export class NotImplementedError extends TorchError {
  override name = 'NotImplementedError';
  constructor(what: string) {
    super(`not implemented: ${what}`);
  }
}

/**
 * The error for a dtype a device does not store (`stored` in the contract's order).
 * float64 is refused as PyTorch's MPS device refuses it: a TypeError saying to use float32.
 *
 * @example unstoredDtype('float64', 'webgpu', ['float32']).message // "Cannot convert a webgpu Tensor to float64 dtype …"
 */
export function unstoredDtype(dtype: string, device: string, stored: readonly string[]): TorchError {
  if (dtype === 'float64' && stored.includes('float32')) {
    return new TorchTypeError(`Cannot convert a ${device} Tensor to float64 dtype as device '${device}' doesn't support float64. Please use float32 instead.`);
  }
  return new RuntimeError(`dtype ${dtype} is not supported on device '${device}' (it stores ${stored.join(', ')})`);
}
