// Grad modes: whether ops are recorded. `noGrad(fn)` is PyTorch's `with torch.no_grad():`.

import { TorchTypeError } from '@torchlet/tensor';

let enabled = true;
let inference = false;

/** `torch.is_grad_enabled()`. @example torch.isGradEnabled() // true */
export function isGradEnabled(): boolean {
  return enabled;
}

/** `torch.set_grad_enabled(mode)`: turns recording on or off until changed again. @example torch.setGradEnabled(false) */
export function setGradEnabled(mode: boolean): void {
  enabled = mode;
}

/** `torch.is_inference_mode_enabled()`. @example torch.isInferenceModeEnabled() // false */
export function isInferenceModeEnabled(): boolean {
  return inference;
}

/** Runs `fn` with grad mode set to `mode`, restoring it afterwards (also when `fn` throws). */
function withGradMode<T>(mode: boolean, fn: () => T, name: string): T {
  const prev = enabled;
  enabled = mode;
  try {
    const r = fn();
    // the mode would be restored before the awaited part runs: refuse rather than mislead
    if (r instanceof Promise) throw new TorchTypeError(`${name}() cannot take an async function: grad mode is restored before it resumes`);
    return r;
  } finally {
    enabled = prev;
  }
}

/**
 * `with torch.no_grad():` — runs `fn` without recording ops; returns what `fn` returns.
 * @example const y = torch.noGrad(() => w.mul(2)); y.requiresGrad // false
 */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn, 'noGrad');
}

/**
 * `with torch.enable_grad():` — records ops inside `fn` even within `noGrad`.
 * @example torch.noGrad(() => torch.enableGrad(() => w.mul(2))).requiresGrad // true
 */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn, 'enableGrad');
}

/**
 * `with torch.inference_mode(mode):` — as `noGrad` for recording (torchlet has no separate
 * inference tensors, so tensors made inside behave as ones made under `noGrad`).
 * @example const y = torch.inferenceMode(() => model.call(x))
 */
export function inferenceMode<T>(fn: () => T, mode = true): T {
  const prev = inference;
  inference = mode;
  try {
    return withGradMode(mode ? false : enabled, fn, 'inferenceMode');
  } finally {
    inference = prev;
  }
}
