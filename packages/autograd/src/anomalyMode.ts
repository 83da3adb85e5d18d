// The anomaly-detection flag (torch.autograd.set_detect_anomaly).

import { TorchTypeError } from '@torchlet/tensor';

let enabled = false;
let checkNan = true;

/** `torch.is_anomaly_enabled()`. @example torch.autograd.isAnomalyEnabled() // false */
export function isAnomalyEnabled(): boolean {
  return enabled;
}

/** Whether anomaly mode also checks backward outputs for NaN. */
export function isAnomalyCheckNanEnabled(): boolean {
  return checkNan;
}

/**
 * `torch.autograd.set_detect_anomaly(mode, check_nan=True)`: record where each op was created
 * (shown when its backward fails) and fail when a backward produces NaN.
 * @example torch.autograd.setDetectAnomaly(true)
 */
export function setDetectAnomaly(mode: boolean, opts?: { checkNan?: boolean }): void {
  enabled = mode;
  checkNan = opts?.checkNan ?? true;
}

/**
 * `with torch.autograd.detect_anomaly():` — anomaly mode while `fn` runs (forward and backward).
 * @example torch.autograd.detectAnomaly(() => model.call(x).sum().backward())
 */
export function detectAnomaly<T>(fn: () => T, opts?: { checkNan?: boolean }): T {
  const prev = [enabled, checkNan] as const;
  setDetectAnomaly(true, opts);
  try {
    const r = fn();
    // the mode would be switched off before the awaited part runs: refuse rather than mislead
    if (r instanceof Promise) throw new TorchTypeError('detectAnomaly() cannot take an async function: use setDetectAnomaly(true) instead');
    return r;
  } finally {
    [enabled, checkNan] = prev;
  }
}
