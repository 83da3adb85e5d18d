/** Global print options, the counterpart of PyTorch's `torch.set_printoptions`. */
export interface PrintOptions {
  /** Digits after the decimal point for floating values (default 4). */
  precision: number;
  /** Element count above which a tensor is summarised with `...` (default 1000). */
  threshold: number;
  /** Items kept at each end of every summarised dimension (default 3). */
  edgeitems: number;
  /** Characters per line before a row wraps (default 80). */
  linewidth: number;
  /** Force (true) or forbid (false) scientific notation; null lets the formatter decide. */
  sciMode: boolean | null;
}

/** The options every print reads; mutate only through {@link setPrintOptions}. */
export const printOptions: PrintOptions = {
  precision: 4,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 80,
  sciMode: null,
};

const PROFILES: Record<'default' | 'short' | 'full', Omit<PrintOptions, 'sciMode'>> = {
  default: { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 },
  short: { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 },
  full: { precision: 4, threshold: Infinity, edgeitems: 3, linewidth: 80 },
};

/**
 * Set print options like `torch.set_printoptions`: a profile first, then the
 * given fields. As in PyTorch, `sciMode` is reset to null unless it is given.
 *
 * @example
 * setPrintOptions({ precision: 2 });   // tensor([1.12])
 * setPrintOptions({ profile: 'default' });
 */
export function setPrintOptions(
  opts: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' },
): void {
  if (opts.profile !== undefined) Object.assign(printOptions, PROFILES[opts.profile]);
  if (opts.precision !== undefined) printOptions.precision = opts.precision;
  if (opts.threshold !== undefined) printOptions.threshold = opts.threshold;
  if (opts.edgeitems !== undefined) printOptions.edgeitems = opts.edgeitems;
  if (opts.linewidth !== undefined) printOptions.linewidth = opts.linewidth;
  printOptions.sciMode = opts.sciMode ?? null;
}
