// The one error every malformed or unsupported checkpoint raises: it names the file, the tensor
// (where there is one) and what is wrong.
import { TorchError } from '@torchlet/tensor';

/** Where a CheckpointError points. */
export interface CheckpointErrorOptions {
  /** The tensor (safetensors name, state-dict key) the problem is in. */
  tensor?: string;
  /** The lower-level error behind it (an I/O error, a RuntimeError from a tensor op). */
  cause?: unknown;
}

/**
 * A checkpoint file that cannot be read or written: malformed, truncated, refused (a pickle global
 * outside the allowlist) or unsupported. `file` and `tensor` say where, the message what.
 * @example
 * try { await loadFile('bad.safetensors'); } catch (e) { if (e instanceof CheckpointError) console.log(e.file, e.tensor); }
 */
export class CheckpointError extends TorchError {
  override name = 'CheckpointError';
  /** The file (path, `File` name, or `<bytes>` for in-memory data). */
  readonly file: string;
  /** The tensor concerned, when there is one. */
  readonly tensor: string | undefined;

  /** @example new CheckpointError('m.safetensors', 'header is not valid JSON', { tensor: 'fc.weight' }) */
  constructor(file: string, problem: string, opts: CheckpointErrorOptions = {}) {
    super(`${file}: ${opts.tensor !== undefined ? `tensor '${opts.tensor}': ` : ''}${problem}`, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.file = file;
    this.tensor = opts.tensor;
  }
}
