// The backward pass: nodes run in reverse topological order (ready nodes latest-created
// first, as PyTorch's engine), gradients summed per node input, saved tensors freed after.

import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import { isTensor, keep, RuntimeError, tidy, zeros } from '@torchlet/tensor';
import { accumulateInto } from './accumulate.js';
import { isAnomalyCheckNanEnabled, isAnomalyEnabled } from './anomalyMode.js';
import { enableGrad, noGrad } from './gradMode.js';
import type { Edge, Node, TensorInfo } from './node.js';
import { sumToShape } from './shapes.js';

/** One place the caller wants a gradient captured instead of (or besides) accumulated. */
export interface Capture {
  readonly edge: Edge;
  /** Accumulate into this tensor's `.grad` (backward with `inputs`), or only capture (autograd.grad). */
  readonly accumulateTo?: Tensor;
}

/** What one backward run is asked to do. */
export interface RunOptions {
  readonly retainGraph: boolean;
  readonly createGraph: boolean;
  /** When given, only these edges receive gradients; the rest of the graph runs only as needed. */
  readonly captures?: readonly Capture[];
}

/** A max-heap of nodes by sequence number. */
class ReadyQueue {
  private readonly heap: Node[] = [];
  push(n: Node): void {
    const h = this.heap;
    h.push(n);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]!.sequenceNr >= h[i]!.sequenceNr) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): Node | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.sequenceNr > h[m]!.sequenceNr) m = l;
        if (r < h.length && h[r]!.sequenceNr > h[m]!.sequenceNr) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

function add(a: MaybeGrad, b: Tensor): Tensor {
  return a === null ? b : a.add(b);
}

/** Zeros shaped as `info` (gradients of outputs nothing flowed into). */
function zerosOf(info: TensorInfo): Tensor {
  return zeros([...info.shape], { dtype: info.dtype, device: info.device });
}

/** PyTorch's validate_outputs: gradients summed/cast to the input's shape and dtype, or an error. */
function validate(node: Node, grads: MaybeGrad[]): MaybeGrad[] {
  return grads.map((g, i) => {
    const info = node.inputInfo[i];
    if (g === null || g === undefined || !info) return null;
    let r = g;
    if (r.shape.length !== info.shape.length || r.shape.some((s, k) => s !== info.shape[k])) {
      try {
        r = sumToShape(r, info.shape);
      } catch {
        throw new RuntimeError(
          `Function ${node.name()} returned an invalid gradient at index ${i} - got [${g.shape.join(', ')}] but expected shape compatible with [${info.shape.join(', ')}]`,
        );
      }
    }
    if (r.dtype !== info.dtype) r = r.to(info.dtype);
    if (r.device !== info.device) r = r.to(info.device);
    return r;
  });
}

function checkNan(node: Node, grads: readonly MaybeGrad[]): void {
  grads.forEach((g, i) => {
    // the check reads values synchronously: devices that cannot are not checked
    if (!g || !g.storage.backend.readSync) return;
    if (g.isFloatingPoint() && g.numel() > 0 && g.isnan().any().itemSync() === true) {
      throw new RuntimeError(`Function '${node.name()}' returned nan values in its ${i}th output.`);
    }
  });
}

/** Nodes reachable from `roots`, with how many edges point at each. */
function dependencies(roots: readonly Node[]): Map<Node, number> {
  const deps = new Map<Node, number>();
  const seen = new Set<Node>(roots);
  const stack = [...roots];
  for (const r of roots) deps.set(r, deps.get(r) ?? 0);
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (const e of n.next) {
      if (!e) continue;
      deps.set(e.node, (deps.get(e.node) ?? 0) + 1);
      if (!seen.has(e.node)) {
        seen.add(e.node);
        stack.push(e.node);
      }
    }
  }
  return deps;
}

/**
 * Nodes from which one of `targets` can be reached through an edge: they must run. A target itself
 * only runs if another target lies below it (its gradient is captured, as PyTorch's exec_info).
 * Iterative: graphs can be deep.
 */
function neededNodes(deps: Map<Node, number>, targets: ReadonlySet<Node>): Set<Node> {
  const parents = new Map<Node, Node[]>();
  for (const n of deps.keys()) {
    for (const e of n.next) {
      if (!e) continue;
      const list = parents.get(e.node);
      if (list) list.push(n);
      else parents.set(e.node, [n]);
    }
  }
  const needed = new Set<Node>();
  const stack = [...targets].filter((t) => deps.has(t));
  while (stack.length > 0) {
    for (const p of parents.get(stack.pop()!) ?? []) {
      if (!needed.has(p)) {
        needed.add(p);
        stack.push(p);
      }
    }
  }
  return needed;
}

/**
 * Runs backward from `roots` (edges with their gradients). Returns the captured gradient of each
 * capture (null where none flowed).
 */
export function runBackward(roots: readonly { edge: Edge; grad: Tensor }[], opts: RunOptions): MaybeGrad[] {
  // the pass's temporaries are disposed at its end (GPU memory is not garbage-collected); what
  // outlives it is kept: .grad, retained grads, tensors handed to hooks, and the captured results
  const body = (): MaybeGrad[] => tidy(() => execute(roots, opts));
  return opts.createGraph ? enableGrad(body) : noGrad(body);
}

/** Keeps the non-null tensors of a list out of the pass's tidy scope; returns the list. */
function exposed<T extends readonly MaybeGrad[]>(grads: T): T {
  for (const g of grads) if (g) keep(g);
  return grads;
}

function execute(roots: readonly { edge: Edge; grad: Tensor }[], opts: RunOptions): MaybeGrad[] {
  const buffers = new Map<Node, MaybeGrad[]>();
  const bufferOf = (n: Node): MaybeGrad[] => {
    let b = buffers.get(n);
    if (!b) buffers.set(n, (b = n.outputInfo.map(() => null)));
    return b;
  };
  for (const { edge, grad } of roots) {
    const b = bufferOf(edge.node);
    b[edge.inputNr] = add(b[edge.inputNr] ?? null, grad);
  }
  const rootNodes = [...new Set(roots.map((r) => r.edge.node))];
  const deps = dependencies(rootNodes);
  const captures = opts.captures;
  const captured: MaybeGrad[] = captures ? captures.map(() => null) : [];
  const captureAt = new Map<Node, number[]>();
  captures?.forEach((c, k) => {
    const list = captureAt.get(c.edge.node) ?? [];
    list.push(k);
    captureAt.set(c.edge.node, list);
  });
  const needed = captures ? neededNodes(deps, new Set(captureAt.keys())) : null;
  const queue = new ReadyQueue();
  for (const n of rootNodes) if (deps.get(n) === 0) queue.push(n);

  for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
    let grads = buffers.get(node) ?? node.outputInfo.map(() => null);
    buffers.delete(node);
    if (node.hasHooks) grads = runPreHooks(node, grads);
    const captureList = captureAt.get(node);
    if (captureList) {
      for (const k of captureList) {
        const c = captures![k]!;
        const g = grads[c.edge.inputNr] ?? null;
        captured[k] = g;
        if (c.accumulateTo && g) accumulateInto(c.accumulateTo, g, opts.createGraph);
      }
    }
    // autograd.grad and backward(inputs) run only what leads to their inputs
    const runIt = needed === null || needed.has(node);
    let outs: MaybeGrad[] = node.next.map(() => null);
    if (runIt && grads.some((g) => g !== null)) {
      const full = node.materializeGrads ? grads.map((g, i) => g ?? zerosOf(node.outputInfo[i]!)) : grads;
      try {
        outs = validate(node, node.apply(full));
      } catch (e) {
        throw withAnomalyTrace(node, e);
      }
      if (isAnomalyEnabled() && isAnomalyCheckNanEnabled()) checkNan(node, outs);
      for (const h of node.hasHooks ? node.postHooks.list : []) {
        const r = h(exposed(outs), exposed(grads));
        if (r) outs = validate(node, [...r]);
      }
    }
    // as PyTorch, only nodes the pass runs give up their saved tensors (autograd.grad w.r.t. an
    // intermediate leaves the graph below it intact)
    if (!opts.retainGraph && runIt) node.release();
    node.next.forEach((e, i) => {
      if (!e) return;
      const g = outs[i];
      if (g) {
        const b = bufferOf(e.node);
        b[e.inputNr] = add(b[e.inputNr] ?? null, g);
      }
      const left = deps.get(e.node)! - 1;
      deps.set(e.node, left);
      if (left === 0) queue.push(e.node);
    });
  }
  return captured;
}

/** Tensor hooks, retained grads and node pre-hooks, in PyTorch's order. */
function runPreHooks(node: Node, grads: MaybeGrad[]): MaybeGrad[] {
  let out = grads;
  for (const [nr, hooks] of node.tensorHooks) {
    for (const h of hooks.list) {
      const g = out[nr];
      if (!g) continue;
      const r = h(keep(g));
      if (isTensor(r)) {
        out = [...out];
        out[nr] = r;
      }
    }
  }
  for (const [nr, meta] of node.retained) {
    const g = out[nr];
    if (!g) continue;
    meta.grad = keep(meta.grad === null ? noGrad(() => g.clone()) : meta.grad.add(g));
  }
  for (const h of node.preHooks.list) {
    const r = h(exposed(out));
    if (r) out = [...r];
  }
  return out;
}

/** In anomaly mode, the error names the forward op and where it was called. */
function withAnomalyTrace(node: Node, e: unknown): unknown {
  const trace = node.forwardTrace;
  if (!isAnomalyEnabled() || typeof trace !== 'string' || !(e instanceof Error)) return e;
  if (!e.message.includes('Traceback of forward call that caused the error')) {
    e.message = `Error detected in ${node.name()}. Traceback of forward call that caused the error:\n${trace}\n${e.message}`;
  }
  return e;
}
