// Per-tensor autograd state, kept in the one slot Tensor reserves for it.

import type { Tensor } from '@torchlet/tensor';
import type { Node } from './node.js';

/** What autograd knows about one tensor (shared by the aliases it saves for backward). */
export interface AutogradMeta {
  /** Set on leaves by `requiresGrad_()`; non-leaves require grad through `gradFn`. */
  requiresGrad: boolean;
  /** The node that produced this tensor (null for leaves). */
  gradFn: Node | null;
  /** Which output of `gradFn` this tensor is. */
  outputNr: number;
  /** `.grad`: accumulated on leaves, or on non-leaves that retain it. */
  grad: Tensor | null;
  retainsGrad: boolean;
  /** The AccumulateGrad node of a leaf, made on first use and kept (hooks live on it). */
  accumulator: Node | null;
  /** Set on outputs of ops returning several views (split, unbind): PyTorch refuses in-place writes to them. */
  multiOutputViewOf: string | null;
}

/** The tensor's autograd state, if any. */
export function metaOf(t: Tensor): AutogradMeta | undefined {
  return t.autogradMeta as AutogradMeta | undefined;
}

/** The tensor's autograd state, created empty when missing. */
export function ensureMeta(t: Tensor): AutogradMeta {
  let m = metaOf(t);
  if (!m) {
    m = { requiresGrad: false, gradFn: null, outputNr: 0, grad: null, retainsGrad: false, accumulator: null, multiOutputViewOf: null };
    t.autogradMeta = m;
  }
  return m;
}

/**
 * Whether `t` takes part in autograd: a leaf with requiresGrad, the output of a recorded op, or
 * a view (made while nothing required grad) of a base that has since been written with values
 * that do (its node is then made from the base's, see views.ts).
 */
export function requiresGrad(t: Tensor): boolean {
  const m = metaOf(t);
  if (m !== undefined && (m.requiresGrad || m.gradFn !== null)) return true;
  const base = t.viewBase;
  return base !== null && (metaOf(base)?.gradFn ?? null) !== null;
}

/** Whether `t` is a leaf (made by the user, not by a recorded op). */
export function isLeaf(t: Tensor): boolean {
  return (metaOf(t)?.gradFn ?? null) === null;
}
