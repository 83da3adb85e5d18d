// Training-step workloads: one SGD step (forward, loss, backward, the update
// under no_grad, gradients reset) of the MLP and the CNN of TOOLCHAIN.md's
// reference figures, written with tensor ops and autograd (layers and optimizers
// are not in torchlet yet). The loss is the negative log-likelihood of a soft
// target (log_softmax times a fixed distribution), the same in every framework;
// jax-js takes the gradient with `grad(loss)` and returns the updated parameters
// (its arrays are immutable), the harness jitting the step where that is faster.

/** @typedef {import('./workloads.mjs').Workload} Workload */

const LR = 0.01;

/**
 * A parameter for torchlet: a deterministic input scaled to `scale`, requiring grad.
 * @param {any} torch
 * @param {import('./workloads.mjs').MakeInput} input
 * @param {number[]} shape
 * @param {number} seed
 * @param {number} scale
 */
function param(torch, input, shape, seed, scale) {
  const p = input(shape, seed);
  torch.noGrad(() => p.mul_(scale));
  return p.requiresGrad_();
}

/**
 * One step in torchlet: `loss` from the parameters, backward, SGD, grads reset.
 * @param {any} torch
 * @param {any[]} params
 * @param {() => any} loss
 */
function torchletStep(torch, params, loss) {
  loss().backward();
  torch.noGrad(() => {
    for (const p of params) p.sub_(p.grad.mul(LR));
  });
  for (const p of params) p.grad = null;
}

/**
 * The same step in jax-js: the parameters (a list, in torchlet's order) minus LR times
 * `grad(loss)` in them. `loss(params, x, target)` consumes its arguments, as the step does.
 * @param {any} jax
 * @param {(params: any[], x: any, target: any) => any} loss
 * @returns {(params: any[], x: any, target: any) => any[]}
 */
function jaxStep({ grad, tree }, loss) {
  return (params, x, target) => {
    const grads = grad(loss)(tree.ref(params), x, target);
    return tree.map((/** @type {any} */ p, /** @type {any} */ g) => p.sub(g.mul(LR)), params, grads);
  };
}

/**
 * A jax-js parameter: a deterministic input scaled to `scale`.
 * @param {(shape: number[], seed?: number) => any} input
 * @param {number[]} shape
 * @param {number} seed
 * @param {number} scale
 */
const jaxParam = (input, shape, seed, scale) => input(shape, seed).mul(scale);

/**
 * jax-js's form of the loss's tail: -(log_softmax(h, 1) · target).sum(1).mean().
 * @param {any} nn
 * @param {any} h
 * @param {any} target
 */
const jaxNll = (nn, h, target) => nn.logSoftmax(h, 1).mul(target).sum(1).mean().neg();

/** The same step in PyTorch, as Python functions `step(params, loss)` and `param(shape, seed, scale)` (setup code). */
const PY_STEP = `
def step(params, loss):
    # the harness times under no_grad; a training step records its graph
    with torch.enable_grad():
        loss().backward()
    with torch.no_grad():
        for p in params:
            p.sub_(p.grad * ${LR})
    for p in params:
        p.grad = None
def param(shape, seed, scale):
    return (inp(shape, seed) * scale).requires_grad_()

`;

const MLP = { batch: 64, sizes: [784, 256, 128, 10] };

/** @type {Workload} */
const mlpStep = {
  name: 'MLP 784-256-128-10 b64 SGD step',
  id: 'train-mlp',
  torchlet: (torch, input) => {
    const x = input([MLP.batch, 784], 0);
    const target = torch.tidy(() => torch.keep(input([MLP.batch, 10], 9).softmax(1)));
    const [w1, b1, w2, b2, w3, b3] = [
      param(torch, input, [784, 256], 1, 0.05), param(torch, input, [256], 2, 0.05),
      param(torch, input, [256, 128], 3, 0.08), param(torch, input, [128], 4, 0.08),
      param(torch, input, [128, 10], 5, 0.1), param(torch, input, [10], 6, 0.1),
    ];
    const loss = () => x.matmul(w1).add(b1).relu().matmul(w2).add(b2).relu().matmul(w3).add(b3).logSoftmax(1).mul(target).sum(1).mean().neg();
    return () => torchletStep(torch, [w1, b1, w2, b2, w3, b3], loss);
  },
  pytorch: {
    setup: `${PY_STEP}
x = inp([${MLP.batch}, 784], 0); target = inp([${MLP.batch}, 10], 9).softmax(1)
ps = [param([784, 256], 1, 0.05), param([256], 2, 0.05), param([256, 128], 3, 0.08), param([128], 4, 0.08), param([128, 10], 5, 0.1), param([10], 6, 0.1)]
def loss():
    w1, b1, w2, b2, w3, b3 = ps
    h = ((x @ w1 + b1).relu() @ w2 + b2).relu() @ w3 + b3
    return -(h.log_softmax(1) * target).sum(1).mean()
`,
    run: 'step(ps, loss)',
  },
  jaxjs: (jax, input) => {
    const { numpy: np, nn } = jax;
    const x = input([MLP.batch, 784], 0);
    const target = nn.softmax(input([MLP.batch, 10], 9), 1);
    const params = [
      jaxParam(input, [784, 256], 1, 0.05), jaxParam(input, [256], 2, 0.05),
      jaxParam(input, [256, 128], 3, 0.08), jaxParam(input, [128], 4, 0.08),
      jaxParam(input, [128, 10], 5, 0.1), jaxParam(input, [10], 6, 0.1),
    ];
    const loss = (/** @type {any[]} */ [w1, b1, w2, b2, w3, b3], /** @type {any} */ x, /** @type {any} */ target) => {
      const h1 = nn.relu(np.matmul(x, w1).add(b1));
      const h2 = nn.relu(np.matmul(h1, w2).add(b2));
      return jaxNll(nn, np.matmul(h2, w3).add(b3), target);
    };
    return { f: jaxStep(jax, loss), args: [params, x, target], carry: true };
  },
};

// The CIFAR-style CNN: three 5×5 convs (padding 2) each followed by relu and 2×2
// max pooling (32² → 16² → 8² → 4²), then 1024 → 64 → 10.
const CNN = { batch: 32, convs: [[3, 32], [32, 32], [32, 64]] };

/** @type {Workload} */
const cnnStep = {
  name: 'CNN 3 conv + 2 linear b32 SGD step',
  id: 'train-cnn',
  torchlet: (torch, input) => {
    const x = input([CNN.batch, 3, 32, 32], 0);
    const target = torch.tidy(() => torch.keep(input([CNN.batch, 10], 9).softmax(1)));
    const convs = CNN.convs.map(([i, o], k) => [param(torch, input, [o, i, 5, 5], 10 + k, 0.2 / Math.sqrt(i)), param(torch, input, [o], 20 + k, 0.05)]);
    const fc = [param(torch, input, [1024, 64], 30, 0.03), param(torch, input, [64], 31, 0.03), param(torch, input, [64, 10], 32, 0.1), param(torch, input, [10], 33, 0.1)];
    const loss = () => {
      let h = x;
      for (const [w, b] of convs) h = torch.maxPool2d(torch.conv2d(h, w, b, 1, 2).relu(), 2);
      const [w4, b4, w5, b5] = fc;
      return h.flatten(1).matmul(w4).add(b4).relu().matmul(w5).add(b5).logSoftmax(1).mul(target).sum(1).mean().neg();
    };
    return () => torchletStep(torch, [...convs.flat(), ...fc], loss);
  },
  pytorch: {
    setup: `${PY_STEP}
import torch.nn.functional as F
x = inp([${CNN.batch}, 3, 32, 32], 0); target = inp([${CNN.batch}, 10], 9).softmax(1)
convs = [(param([o, i, 5, 5], 10 + k, 0.2 / i ** 0.5), param([o], 20 + k, 0.05)) for k, (i, o) in enumerate(${JSON.stringify(CNN.convs)})]
fc = [param([1024, 64], 30, 0.03), param([64], 31, 0.03), param([64, 10], 32, 0.1), param([10], 33, 0.1)]
ps = [p for c in convs for p in c] + fc
def loss():
    h = x
    for w, b in convs:
        h = F.max_pool2d(F.conv2d(h, w, b, 1, 2).relu(), 2)
    w4, b4, w5, b5 = fc
    h = (h.flatten(1) @ w4 + b4).relu() @ w5 + b5
    return -(h.log_softmax(1) * target).sum(1).mean()
`,
    run: 'step(ps, loss)',
  },
  jaxjs: (jax, input) => {
    const { numpy: np, nn, lax } = jax;
    const x = input([CNN.batch, 3, 32, 32], 0);
    const target = nn.softmax(input([CNN.batch, 10], 9), 1);
    const convs = CNN.convs.flatMap(([i, o], k) => [jaxParam(input, [o, i, 5, 5], 10 + k, 0.2 / Math.sqrt(i)), jaxParam(input, [o], 20 + k, 0.05)]);
    const fc = [jaxParam(input, [1024, 64], 30, 0.03), jaxParam(input, [64], 31, 0.03), jaxParam(input, [64, 10], 32, 0.1), jaxParam(input, [10], 33, 0.1)];
    const loss = (/** @type {any[]} */ params, /** @type {any} */ x, /** @type {any} */ target) => {
      let h = x;
      for (let k = 0; k < CNN.convs.length; k++) {
        const [w, b] = [params[2 * k], params[2 * k + 1]];
        const y = lax.convGeneralDilated(h, w, [1, 1], [[2, 2], [2, 2]]).add(b.reshape([-1, 1, 1]));
        h = lax.reduceWindow(nn.relu(y), np.max, [2, 2], [2, 2]);
      }
      const [w4, b4, w5, b5] = params.slice(2 * CNN.convs.length);
      const h4 = nn.relu(np.matmul(h.reshape([CNN.batch, -1]), w4).add(b4));
      return jaxNll(nn, np.matmul(h4, w5).add(b5), target);
    };
    return { f: jaxStep(jax, loss), args: [[...convs, ...fc], x, target], carry: true };
  },
};

/** The training-step workloads (no tfjs form: tfjs has no conv backprop kernel on wasm, TOOLCHAIN.md). */
export const TRAINING_WORKLOADS = [mlpStep, cnnStep];
