// In-place writes through views (PyTorch's rebase): the base's gradient node becomes a
// CopySlices that routes the view's region through the in-place op's node, and views of
// the base read their gradient off it again (AsStridedBackward0).

import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import { asStrided, asStridedScatter, zeros } from '@torchlet/tensor';
import { gradientEdge } from './edges.js';
import type { AutogradMeta } from './meta.js';
import { ensureMeta, metaOf, requiresGrad } from './meta.js';
import type { TensorInfo } from './node.js';
import { infoOf, Node } from './node.js';

/** A view's place in its base, in row-major coordinates of the base's shape. */
interface Geometry {
  readonly size: readonly number[];
  readonly stride: readonly number[];
  readonly offset: number;
}

/** Storage steps of `base`'s dense layout turned into row-major steps of its shape. */
function toRowMajor(delta: number, base: Tensor): number {
  const dims = base.shape.map((_, i) => i).filter((i) => base.shape[i]! > 1).sort((a, b) => base.strides[b]! - base.strides[a]!);
  const rowMajor: number[] = [];
  let acc = 1;
  for (let i = base.ndim - 1; i >= 0; i--) {
    rowMajor[i] = acc;
    acc *= base.shape[i]!;
  }
  let rest = delta;
  let out = 0;
  for (const d of dims) {
    const s = base.strides[d]!;
    const k = Math.floor(rest / s);
    rest -= k * s;
    out += k * rowMajor[d]!;
  }
  return out;
}

function geometryOf(view: Tensor, base: Tensor): Geometry {
  return {
    size: view.shape,
    stride: view.strides.map((s, i) => (view.shape[i]! <= 1 ? 1 : toRowMajor(s, base))),
    offset: toRowMajor(view.offset - base.offset, base),
  };
}

/** The base's gradient node after an in-place op `fn` on one of its views. */
class CopySlices extends Node {
  constructor(private readonly geometry: Geometry, private readonly fn: Node, base: Tensor, baseEdge: ReturnType<typeof gradientEdge>) {
    super();
    this.next = [baseEdge, ...fn.next.slice(1)];
    this.inputInfo = [infoOf(base), ...fn.inputInfo.slice(1)];
    this.outputInfo = [infoOf(base)];
  }
  name(): string {
    return 'CopySlices';
  }
  apply(grads: readonly MaybeGrad[]): MaybeGrad[] {
    const { size, stride, offset } = this.geometry;
    const g = grads[0]!.contiguous();
    const region = asStrided(g, size, stride, g.offset + offset);
    const res = this.fn.apply([region]);
    const selfGrad = res[0] ?? zeros([...size], { dtype: g.dtype, device: g.device });
    return [asStridedScatter(g, selfGrad, size, stride, offset), ...res.slice(1)];
  }
  override release(): void {
    super.release();
    this.fn.release();
  }
}

/** A view's gradient node read off its base's current node. */
class AsStridedBackward extends Node {
  constructor(private readonly geometry: Geometry, private readonly base: TensorInfo, baseEdge: ReturnType<typeof gradientEdge>, view: Tensor) {
    super();
    this.next = [baseEdge];
    this.inputInfo = [base];
    this.outputInfo = [infoOf(view)];
  }
  name(): string {
    return 'AsStridedBackward0';
  }
  apply(grads: readonly MaybeGrad[]): MaybeGrad[] {
    const { size, stride, offset } = this.geometry;
    const z = zeros([...this.base.shape], { dtype: grads[0]!.dtype, device: grads[0]!.device });
    return [asStridedScatter(z, grads[0]!, size, stride, offset)];
  }
}

/** Versions at which each view's gradient node was last made (in-place writes make it stale). */
const viewVersions = new WeakMap<AutogradMeta, number>();

/** @internal Notes the version a view's node corresponds to. */
export function markViewCurrent(t: Tensor): void {
  const m = metaOf(t);
  if (m && t.viewBase) viewVersions.set(m, t.version);
}

/**
 * Before a view's gradient edge is used: if its memory was written in place since its node
 * was made, its node is remade from the base's current one, as PyTorch regenerates grad_fn.
 */
export function refreshView(t: Tensor): void {
  const base = t.viewBase;
  if (!base) return;
  const existing = metaOf(t);
  if (existing?.multiOutputViewOf) return;
  const recorded = existing?.gradFn != null;
  if (recorded && viewVersions.get(existing!) === t.version) return;
  // a view nothing was recorded for only follows a base that was written with grad (it has a node)
  if (recorded ? !requiresGrad(base) : (metaOf(base)?.gradFn ?? null) === null) return;
  const m = ensureMeta(t);
  viewVersions.set(m, t.version);
  m.gradFn = new AsStridedBackward(geometryOf(t, base), infoOf(base), gradientEdge(base), t);
  m.outputNr = 0;
}

/** After in-place op `node` wrote `self`: `self` (and its base, if a view) now come from it. */
export function rebaseView(self: Tensor, node: Node): void {
  const m = ensureMeta(self);
  // as PyTorch: a retained .grad follows the tensor's latest value (tensor hooks stay with the old one)
  if (m.retainsGrad && m.gradFn) m.gradFn.retained.delete(m.outputNr);
  const base = self.viewBase;
  if (!base) {
    m.gradFn = node;
    m.outputNr = 0;
    if (m.retainsGrad) node.retained.set(0, m);
    return;
  }
  const geometry = geometryOf(self, base);
  const bm = ensureMeta(base);
  const copySlices = new CopySlices(geometry, node, base, gradientEdge(base));
  bm.gradFn = copySlices;
  bm.outputNr = 0;
  m.gradFn = new AsStridedBackward(geometry, infoOf(base), { node: copySlices, inputNr: 0 }, self);
  m.outputNr = 0;
  if (m.retainsGrad) m.gradFn.retained.set(0, m);
  viewVersions.set(m, self.version);
}
