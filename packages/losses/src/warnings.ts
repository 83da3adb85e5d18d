// Python's warnings.warn as PyTorch's losses use it: a UserWarning on the console, each
// distinct message once per process (Python's default filter shows a warning once per place).

const shown = new Set<string>();

/**
 * Writes `UserWarning: <message>` to the console unless this message was already shown.
 * @example warn("size_average and reduce args will be deprecated, please use reduction='sum' instead.")
 */
export function warn(message: string): void {
  if (shown.has(message)) return;
  shown.add(message);
  console.warn(`UserWarning: ${message}`);
}

/** @internal Forgets the warnings shown (tests that expect one call this first). */
export function resetWarnings(): void {
  shown.clear();
}
