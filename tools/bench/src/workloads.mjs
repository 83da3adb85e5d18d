// The registry of benchmark workloads. Each one is the same computation written
// in torchlet, as a PyTorch snippet and (optionally) in tfjs and in jax-js.
// Adding one is adding an entry to WORKLOADS; the harness, the PyTorch script
// and the report pick it up from here.
//
// Inputs are deterministic: element i of input `seed` is sin(0.001·i + seed),
// in float32, the same formula in every framework (see `inputData` and the
// `inp` helper in the generated PyTorch script).

import { TRAINING_WORKLOADS } from './training.mjs';

/**
 * Makes a deterministic float32 input of `shape` in the framework at hand.
 * The harness frees every input after the workload has run.
 * @callback MakeInput
 * @param {number[]} shape
 * @param {number} [seed] 0 by default
 * @returns {any} a torchlet Tensor or a tfjs Tensor
 */

/**
 * Prepares a workload: creates its inputs through `input` and returns the
 * function that is timed. The timed function runs inside the framework's
 * `tidy`, so every tensor it creates (its result included) is freed before the
 * clock stops, as PyTorch frees an unreferenced result.
 * @callback Setup
 * @param {any} lib `torch` (import * as torch from 'torchlet') or `tf` (@tensorflow/tfjs-core)
 * @param {MakeInput} input
 * @returns {() => unknown}
 */

/**
 * @typedef {object} Workload
 * @property {string} name     shown in the table; `--filter` matches it (and `id`)
 * @property {string} id       stable key in results/latest.json
 * @property {number} [flops]  floating-point operations per call; when set the figure is GFLOP/s, otherwise ms
 * @property {Setup} torchlet
 * @property {{ setup: string, run: string }} pytorch
 *   Python: `setup` is statements run once (the helper `inp(shape, seed=0)`
 *   makes inputs as `input` does); `run` is an expression that is timed.
 * @property {Setup} [tfjs]    omitted when tfjs has no equivalent
 * @property {JaxSetup} [jaxjs] omitted when jax-js has no equivalent
 * @property {boolean} [issueOnly] torchlet: time issuing the ops, the device's sync after each call untimed
 */

/**
 * A workload in jax-js (`@jax-js/jax`), as a function and its arguments, so that
 * the harness can run it both eagerly and under `jit` (it times the faster). jax-js
 * functions consume their arguments (its reference-counting rule): the harness
 * passes `f` a new reference of each argument per call and owns what `f` returns.
 * Arrays from `input` belong to the setup: those it keeps go into `args` (the
 * harness disposes them at the end), the others it must consume.
 * @callback JaxSetup
 * @param {any} jax the `@jax-js/jax` module
 * @param {(shape: number[], seed?: number) => any} input a deterministic input, as `MakeInput`
 * @returns {{ f: (...args: any[]) => any, args: any[], carry?: boolean, jitOnly?: boolean }}
 *   `carry`: f returns the next value of `args[0]` (a training step's parameters);
 *   `jitOnly`: not run eagerly (where the eager result would be a lazy view, not the work)
 */

/** @param {number} n */
const matmul = (n) => /** @type {Workload} */ ({
  name: `matmul ${n}²`,
  id: `matmul-${n}`,
  flops: 2 * n * n * n,
  torchlet: (torch, input) => {
    const a = input([n, n], 0);
    const b = input([n, n], 1);
    return () => torch.matmul(a, b);
  },
  pytorch: { setup: `a = inp([${n}, ${n}], 0); b = inp([${n}, ${n}], 1)`, run: 'torch.matmul(a, b)' },
  tfjs: (tf, input) => {
    const a = input([n, n], 0);
    const b = input([n, n], 1);
    return () => tf.matMul(a, b);
  },
  jaxjs: ({ numpy: np }, input) => ({ f: np.matmul, args: [input([n, n], 0), input([n, n], 1)] }),
});

// The first layer of the CIFAR-style CNN in API.md: batch 32, 3 → 32 channels,
// 32×32 images, 5×5 kernel, padding 2 (NCHW; tfjs takes NHWC and HWIO, the same work).
const CONV = { n: 32, c: 3, o: 32, h: 32, k: 5 };
const CONV_FLOPS = 2 * CONV.n * CONV.o * CONV.h * CONV.h * CONV.c * CONV.k * CONV.k;
const convShapes = {
  x: [CONV.n, CONV.c, CONV.h, CONV.h],
  w: [CONV.o, CONV.c, CONV.k, CONV.k],
  y: [CONV.n, CONV.o, CONV.h, CONV.h],
};
// padding 2 on both sides of both spatial dims, as jax-js's lax takes it
const CONV_PAD = [[2, 2], [2, 2]];

/**
 * jax-js: the gradient `g`·∂f/∂v of a function `f` linear in `v`, at `v` (which only gives the shape).
 * @param {any} vjp jax-js's vjp
 * @param {(v: any) => any} f
 * @param {any} v
 * @param {any} g
 */
function linearGrad(vjp, f, v, g) {
  const [y, back] = vjp(f, [v]);
  y.dispose();
  const [grad] = back(g);
  back.dispose();
  return grad;
}

/** @type {Workload[]} */
export const WORKLOADS = [
  matmul(256),
  matmul(512),
  matmul(1024),
  {
    name: 'add 1M + 1M',
    id: 'add-1m',
    torchlet: (torch, input) => {
      const a = input([1 << 20], 0);
      const b = input([1 << 20], 1);
      return () => torch.add(a, b);
    },
    pytorch: { setup: 'a = inp([1 << 20], 0); b = inp([1 << 20], 1)', run: 'torch.add(a, b)' },
    tfjs: (tf, input) => {
      const a = input([1 << 20], 0);
      const b = input([1 << 20], 1);
      return () => tf.add(a, b);
    },
    jaxjs: ({ numpy: np }, input) => ({ f: np.add, args: [input([1 << 20], 0), input([1 << 20], 1)] }),
  },
  {
    name: 'add 1000×1000 + 1000 (broadcast)',
    id: 'add-broadcast',
    torchlet: (torch, input) => {
      const a = input([1000, 1000], 0);
      const b = input([1000], 1);
      return () => torch.add(a, b);
    },
    pytorch: { setup: 'a = inp([1000, 1000], 0); b = inp([1000], 1)', run: 'torch.add(a, b)' },
    tfjs: (tf, input) => {
      const a = input([1000, 1000], 0);
      const b = input([1000], 1);
      return () => tf.add(a, b);
    },
    jaxjs: ({ numpy: np }, input) => ({ f: np.add, args: [input([1000, 1000], 0), input([1000], 1)] }),
  },
  {
    name: 'exp 1M',
    id: 'exp-1m',
    torchlet: (torch, input) => {
      const a = input([1 << 20], 0);
      return () => torch.exp(a);
    },
    pytorch: { setup: 'a = inp([1 << 20], 0)', run: 'torch.exp(a)' },
    tfjs: (tf, input) => {
      const a = input([1 << 20], 0);
      return () => tf.exp(a);
    },
    jaxjs: ({ numpy: np }, input) => ({ f: np.exp, args: [input([1 << 20], 0)] }),
  },
  {
    name: 'sum 1M',
    id: 'sum-1m',
    torchlet: (torch, input) => {
      const a = input([1 << 20], 0);
      return () => torch.sum(a);
    },
    pytorch: { setup: 'a = inp([1 << 20], 0)', run: 'torch.sum(a)' },
    tfjs: (tf, input) => {
      const a = input([1 << 20], 0);
      return () => tf.sum(a);
    },
    jaxjs: ({ numpy: np }, input) => ({ f: (/** @type {any} */ a) => np.sum(a), args: [input([1 << 20], 0)] }),
  },
  {
    name: 'sum 1000×1000, dim 1',
    id: 'sum-dim1',
    torchlet: (torch, input) => {
      const a = input([1000, 1000], 0);
      return () => torch.sum(a, 1);
    },
    pytorch: { setup: 'a = inp([1000, 1000], 0)', run: 'torch.sum(a, 1)' },
    tfjs: (tf, input) => {
      const a = input([1000, 1000], 0);
      return () => tf.sum(a, 1);
    },
    jaxjs: ({ numpy: np }, input) => ({ f: (/** @type {any} */ a) => np.sum(a, 1), args: [input([1000, 1000], 0)] }),
  },
  {
    name: 'softmax 256×1000, dim -1',
    id: 'softmax',
    torchlet: (torch, input) => {
      const a = input([256, 1000], 0);
      return () => torch.softmax(a, -1);
    },
    pytorch: { setup: 'a = inp([256, 1000], 0)', run: 'torch.softmax(a, -1)' },
    tfjs: (tf, input) => {
      const a = input([256, 1000], 0);
      return () => tf.softmax(a, -1);
    },
    jaxjs: ({ nn }, input) => ({ f: (/** @type {any} */ a) => nn.softmax(a, -1), args: [input([256, 1000], 0)] }),
  },
  {
    name: 'sort 256×1000, dim -1',
    id: 'sort',
    torchlet: (torch, input) => {
      const a = input([256, 1000], 0);
      return () => torch.sort(a, -1);
    },
    pytorch: { setup: 'a = inp([256, 1000], 0)', run: 'torch.sort(a, -1)' },
    // tf.topk with k = the row length sorts every row (descending) with indices
    tfjs: (tf, input) => {
      const a = input([256, 1000], 0);
      return () => tf.topk(a, 1000);
    },
    // values and indices, as torch.sort: jax-js's argsort, then the values gathered (numpy's idiom)
    jaxjs: ({ numpy: np }, input) => ({
      f: (/** @type {any} */ a) => {
        const i = np.argsort(a.ref, -1);
        return [np.takeAlongAxis(a, i.ref, -1), i];
      },
      args: [input([256, 1000], 0)],
    }),
  },
  {
    name: 'conv2d 32×3×32² ⊛ 32×3×5², pad 2',
    id: 'conv2d',
    flops: CONV_FLOPS,
    torchlet: (torch, input) => {
      const x = input(convShapes.x, 0);
      const w = input(convShapes.w, 1);
      const b = input([CONV.o], 2);
      return () => torch.conv2d(x, w, b, { padding: 2 });
    },
    pytorch: {
      setup: `x = inp(${JSON.stringify(convShapes.x)}, 0); w = inp(${JSON.stringify(convShapes.w)}, 1); b = inp([${CONV.o}], 2)`,
      run: 'torch.nn.functional.conv2d(x, w, b, padding=2)',
    },
    tfjs: (tf, input) => {
      const x = input([CONV.n, CONV.h, CONV.h, CONV.c], 0);
      const w = input([CONV.k, CONV.k, CONV.c, CONV.o], 1);
      const b = input([CONV.o], 2);
      return () => tf.add(tf.conv2d(x, w, 1, 2), b);
    },
    // jax-js's convolutions are NCHW ⊛ OIHW, as PyTorch's
    jaxjs: ({ lax }, input) => ({
      f: (/** @type {any} */ x, /** @type {any} */ w, /** @type {any} */ b) => lax.convGeneralDilated(x, w, [1, 1], CONV_PAD).add(b.reshape([CONV.o, 1, 1])),
      args: [input(convShapes.x, 0), input(convShapes.w, 1), input([CONV.o], 2)],
    }),
  },
  {
    name: 'conv2d input grad (same shapes)',
    id: 'conv2d-input-grad',
    flops: CONV_FLOPS,
    torchlet: (torch, input) => {
      const w = input(convShapes.w, 1);
      const g = input(convShapes.y, 3);
      return () => torch.conv2dInputGrad(convShapes.x, w, g, { padding: 2 });
    },
    pytorch: {
      // PyTorch's own backward kernel (what autograd runs), input gradient only
      setup: `w = inp(${JSON.stringify(convShapes.w)}, 1); g = inp(${JSON.stringify(convShapes.y)}, 3)`,
      run: `torch.ops.aten.convolution_backward(g, torch.empty(${JSON.stringify(convShapes.x)}), w, None, [1, 1], [2, 2], [1, 1], False, [0, 0], 1, [True, False, False])[0]`,
    },
    // the vjp of the convolution in its input: the convolution is linear there, so
    // jax-js runs the transposed convolution only (the primal x gives the shape)
    jaxjs: ({ lax, vjp }, input) => ({
      f: (/** @type {any} */ x, /** @type {any} */ w, /** @type {any} */ g) => linearGrad(vjp, (/** @type {any} */ v) => lax.convGeneralDilated(v, w, [1, 1], CONV_PAD), x, g),
      args: [input(convShapes.x, 0), input(convShapes.w, 1), input(convShapes.y, 3)],
    }),
  },
  {
    name: 'conv2d weight grad (same shapes)',
    id: 'conv2d-weight-grad',
    flops: CONV_FLOPS,
    torchlet: (torch, input) => {
      const x = input(convShapes.x, 0);
      const g = input(convShapes.y, 3);
      return () => torch.conv2dWeightGrad(x, convShapes.w, g, { padding: 2 });
    },
    pytorch: {
      // PyTorch's own backward kernel (what autograd runs), weight gradient only
      setup: `x = inp(${JSON.stringify(convShapes.x)}, 0); g = inp(${JSON.stringify(convShapes.y)}, 3)`,
      run: `torch.ops.aten.convolution_backward(g, x, torch.empty(${JSON.stringify(convShapes.w)}), None, [1, 1], [2, 2], [1, 1], False, [0, 0], 1, [False, True, False])[1]`,
    },
    // the vjp of the convolution in its weight (linear there too; the primal w gives the shape)
    jaxjs: ({ lax, vjp }, input) => ({
      f: (/** @type {any} */ x, /** @type {any} */ w, /** @type {any} */ g) => linearGrad(vjp, (/** @type {any} */ v) => lax.convGeneralDilated(x, v, [1, 1], CONV_PAD), w, g),
      args: [input(convShapes.x, 0), input(convShapes.w, 1), input(convShapes.y, 3)],
    }),
  },
  {
    name: 'maxPool2d 32×32×32², 2×2',
    id: 'max-pool2d',
    torchlet: (torch, input) => {
      const x = input(convShapes.y, 0);
      return () => torch.maxPool2d(x, 2);
    },
    pytorch: { setup: `x = inp(${JSON.stringify(convShapes.y)}, 0)`, run: 'torch.nn.functional.max_pool2d(x, 2)' },
    tfjs: (tf, input) => {
      const x = input([CONV.n, CONV.h, CONV.h, CONV.o], 0);
      return () => tf.maxPool(x, 2, 2, 0);
    },
    // pooling in jax-js is a reduction over windows, as lax.reduce_window in JAX
    jaxjs: ({ lax, numpy: np }, input) => ({ f: (/** @type {any} */ x) => lax.reduceWindow(x, np.max, [2, 2], [2, 2]), args: [input(convShapes.y, 0)] }),
  },
  {
    name: 'transpose copy 1000×1000',
    id: 'transpose-contiguous',
    torchlet: (torch, input) => {
      const at = input([1000, 1000], 0).t();
      return () => at.contiguous();
    },
    pytorch: { setup: 'at = inp([1000, 1000], 0).t()', run: 'at.contiguous()' },
    // tf.transpose materialises the transposed layout: the same copy.
    tfjs: (tf, input) => {
      const a = input([1000, 1000], 0);
      return () => tf.transpose(a);
    },
    // eagerly a transpose is a view in jax-js; only jit materialises it, so this form is always jitted
    jaxjs: (_jax, input) => ({ f: (/** @type {any} */ a) => a.transpose(), args: [input([1000, 1000], 0)], jitOnly: true }),
  },
  {
    // the cost of issuing one small op: argument checks, dispatch and, on WebGPU, encoding
    // (the device runs them after the clock stops): milliseconds per call = 10 × µs per op
    name: 'add 4 + 4, 100 calls (cost per op)',
    id: 'tiny-add-100',
    issueOnly: true,
    torchlet: (torch, input) => {
      const a = input([4], 0);
      const b = input([4], 1);
      return () => {
        for (let i = 0; i < 100; i++) torch.add(a, b);
      };
    },
    pytorch: { setup: 'a = inp([4], 0); b = inp([4], 1)', run: '[torch.add(a, b) for _ in range(100)]' },
    tfjs: (tf, input) => {
      const a = input([4], 0);
      const b = input([4], 1);
      return () => {
        for (let i = 0; i < 100; i++) tf.add(a, b);
      };
    },
  },
  // a tiny layer called through nn.Module (hook checks, the Proxy's field reads, the binder) and
  // the same computation through F.linear: the difference is module.call()'s own cost
  {
    name: 'nn.Linear(4, 4) module call, batch 1',
    id: 'module-call-linear4',
    torchlet: (torch, input) => {
      const m = new torch.nn.Linear(4, 4);
      const x = input([1, 4], 0);
      return () => m.call(x);
    },
    pytorch: { setup: 'm = torch.nn.Linear(4, 4); x = inp([1, 4], 0)', run: 'm(x)' },
  },
  {
    name: 'F.linear 1×4 · (4×4)ᵀ + 4',
    id: 'f-linear4',
    torchlet: (torch, input) => {
      const x = input([1, 4], 0);
      const w = input([4, 4], 1);
      const b = input([4], 2);
      return () => torch.nn.F.linear(x, w, b);
    },
    pytorch: { setup: 'x = inp([1, 4], 0); w = inp([4, 4], 1); b = inp([4], 2)', run: 'torch.nn.functional.linear(x, w, b)' },
  },
  ...TRAINING_WORKLOADS,
];

/**
 * Element i of input `seed`: sin(0.001·i + seed), as float32.
 * @param {number} n
 * @param {number} seed
 */
export function inputData(n, seed) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sin(0.001 * i + seed);
  return out;
}

/**
 * The workloads whose name or id contains `filter` (case-insensitive); all when it is empty.
 * @param {string | undefined} filter
 */
export function selectWorkloads(filter) {
  if (!filter) return WORKLOADS;
  const f = filter.toLowerCase();
  return WORKLOADS.filter((w) => w.name.toLowerCase().includes(f) || w.id.toLowerCase().includes(f));
}
