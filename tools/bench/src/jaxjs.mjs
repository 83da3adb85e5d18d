// jax-js (@jax-js/jax), the JavaScript peer that compiles and fuses kernels, on
// its `wasm` device (beside torchlet's CPU backend) or its `webgpu` device (Dawn
// in Node, beside torchlet's WebGPU backend). Each workload's jax-js form is
// checked against torchlet once, run eagerly and under `jit` for a short look,
// and timed in the faster of the two; the memory it holds is compared across the
// timed calls, which would show arrays left undisposed.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertAgrees, difference, torchletReference } from './crosscheck.mjs';
import { measure } from './measure.mjs';
import { guarded } from './runners.mjs';
import { inputData } from './workloads.mjs';

/** The module the runner loads (`--jaxjs-import` replaces it, e.g. to test the run without it). */
export const JAXJS_MODULE = '@jax-js/jax';

/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./measure.mjs').Protocol} Protocol */
/** @typedef {import('./runners.mjs').Result} Result */

/**
 * Times the workloads in jax-js on `device`; throws when jax-js or the device cannot start.
 * @param {'wasm' | 'webgpu'} device
 * @param {Workload[]} workloads
 * @param {Protocol} p
 * @param {(line: string) => void} log
 * @param {string} [specifier] the module to load
 * @returns {Promise<{ version: string, device: string, threads?: number, adapter?: string, results: Record<string, Result> }>}
 * @example const { results } = await runJaxjs('wasm', selectWorkloads('matmul'), QUICK, console.log);
 */
export async function runJaxjs(device, workloads, p, log, specifier = JAXJS_MODULE) {
  if (device === 'webgpu') await installNavigatorGpu();
  const jax = await import(specifier);
  const started = await jax.init(device);
  if (!started.includes(device)) throw new Error(`jax-js: its ${device} device did not start`);
  jax.defaultDevice(device);
  /** @type {{ version: string, device: string, threads?: number, adapter?: string }} */
  const info = { version: versionOf(specifier), device };
  /** @type {() => number} */
  let heldBytes;
  // growth that counts as a leak: WebAssembly memory grows by whole 64 KiB pages, `external` also moves by a few bytes of other native allocations
  let leakBytes = 1;
  if (device === 'webgpu') {
    const gpu = jax.getWebGPUDevice();
    const a = gpu.adapterInfo;
    info.adapter = [a?.vendor, a?.architecture, a?.device, a?.description].filter(Boolean).join(' ') || 'unknown adapter';
    heldBytes = gpuBufferMeter(gpu);
  } else {
    // jax-js runs wasm kernels on web workers when it finds a global Worker; Node has none
    info.threads = typeof Worker === 'undefined' ? 1 : undefined;
    // WebAssembly memory is counted in `external`; ArrayBuffers (which the GC frees at will) are left out
    heldBytes = () => {
      const m = process.memoryUsage();
      return m.external - m.arrayBuffers;
    };
    leakBytes = 65536;
  }
  const label = `jax-js-${device}`;
  /** @type {Record<string, Result>} */
  const results = {};
  for (const w of workloads) {
    results[w.id] = w.jaxjs
      ? await guarded(log, label, w, () => timeWorkload(jax, w, p, { heldBytes, leakBytes }))
      : { ok: false, na: true, error: 'no jax-js equivalent' };
  }
  return { ...info, results };
}

/**
 * One workload: agreement with torchlet in both modes, a probe of each, then the
 * timed calls in the faster mode, with the device memory held after the first and the last.
 * @param {any} jax
 * @param {Workload} w
 * @param {Protocol} p
 * @param {{ heldBytes: () => number, leakBytes: number }} memory what the device holds, and the growth of it that shows a leak
 */
async function timeWorkload(jax, w, p, { heldBytes, leakBytes }) {
  const { tree, jit, blockUntilReady } = jax;
  const form = /** @type {NonNullable<Workload['jaxjs']>} */ (w.jaxjs)(jax, (shape, seed = 0) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return jax.numpy.array(inputData(n, seed), { shape });
  });
  const { f, carry = false } = form;
  const args = [...form.args];
  const jitted = jit(f);
  /** @type {Record<string, (...a: any[]) => any>} */
  const modes = form.jitOnly ? { jit: jitted } : { eager: f, jit: jitted };
  const fresh = () => args.map((a) => tree.ref(a));
  try {
    // agreement: each mode once from the same arguments (its first call, which compiles)
    const expected = await torchletReference(w);
    let agreement = 0;
    for (const [mode, g] of Object.entries(modes)) {
      const before = carry ? await valuesOf(tree.ref(args[0]), tree) : undefined;
      let got = await valuesOf(g(...fresh()), tree);
      if (before) got = got.map((v, i) => difference(v, before[i]));
      agreement = Math.max(agreement, assertAgrees(got, expected, `jax-js ${mode} vs torchlet`));
    }
    /** @param {(...a: any[]) => any} g */
    const timed = (g) => async () => {
      const out = g(...fresh());
      await blockUntilReady(out);
      if (carry) {
        tree.dispose(args[0]);
        args[0] = out;
      } else tree.dispose(out);
    };
    // jit where it helps: the best of a few calls in each mode decides
    /** @type {Record<string, number>} */
    const probeMs = {};
    const glance = { warmup: 0, minReps: 1, maxReps: 3, budgetS: p.budgetS / 4, capS: p.budgetS / 4 };
    for (const [mode, g] of Object.entries(modes)) probeMs[mode] = (await measure(timed(g), glance)).minMs;
    const mode = Object.keys(probeMs).reduce((a, b) => (probeMs[b] < probeMs[a] ? b : a));
    // the memory held after the first timed call and after the last: a leak grows it with every
    // call (the first calls of a mode may still grow it once, as the allocator settles)
    const run = timed(modes[mode]);
    /** @type {number | undefined} */
    let held;
    const s = await measure(async () => {
      await run();
      held ??= heldBytes();
    }, { ...p, warmup: 0 }); // already warm: the agreement check and the probe ran it
    const heldGrowthBytes = s.reps > 1 && held !== undefined ? heldBytes() - held : null;
    const leaked = heldGrowthBytes !== null && heldGrowthBytes >= leakBytes;
    const note = `${mode}; agrees to ${agreement.toExponential(1)}` + (leaked ? `; LEAK: device memory grew ${heldGrowthBytes} bytes over ${s.reps - 1} calls` : '');
    return { ...s, mode, probeMs, agreement, heldGrowthBytes, leaked, note };
  } finally {
    tree.dispose(args);
    jitted.dispose();
  }
}

/**
 * The values of every array of a result (consumed), in tree order.
 * @param {any} out
 * @param {any} tree jax-js's tree module
 * @returns {Promise<Float64Array[]>}
 */
async function valuesOf(out, tree) {
  const leaves = tree.leaves(out);
  return Promise.all(leaves.map(async (/** @type {any} */ a) => Float64Array.from(await a.data())));
}

/**
 * The package version of the module `specifier` resolves to (jax-js exports no package.json).
 * @param {string} specifier
 */
function versionOf(specifier) {
  let dir = new URL('.', import.meta.resolve(specifier));
  for (let i = 0; i < 4; i++, dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('package.json', dir)), 'utf8'));
      if (pkg.name && pkg.version) return /** @type {string} */ (pkg.version);
    } catch {
      // not here: one level up
    }
  }
  return 'unknown';
}

/** Dawn's GPU object, held for the life of the process (TOOLCHAIN.md: once collected, the next dispatch aborts). */
let dawn;

/** jax-js finds WebGPU at `navigator.gpu` only: in Node, that is Dawn from the `webgpu` package. */
async function installNavigatorGpu() {
  const nav = /** @type {any} */ (globalThis).navigator;
  if (nav?.gpu) return;
  const { create, globals } = await import('webgpu');
  for (const [name, value] of Object.entries(globals)) if (!(name in globalThis)) Object.assign(globalThis, { [name]: value });
  dawn = create([]);
  if (nav) Object.defineProperty(nav, 'gpu', { value: dawn, configurable: true });
  // jax-js also reads navigator.userAgent (to spot Firefox)
  else Object.defineProperty(globalThis, 'navigator', { value: { gpu: dawn, userAgent: `Node.js/${process.version}` }, configurable: true });
}

/**
 * Counts the bytes of the storage buffers (those that hold arrays) `device` has made
 * and not destroyed from now on. jax-js pools the buffers of freed arrays, so a run
 * without leaks stops making new ones. (Its per-dispatch uniform buffers are left to
 * the garbage collector rather than destroyed: they are not counted.)
 * @param {GPUDevice} device
 * @returns {() => number}
 */
function gpuBufferMeter(device) {
  let live = 0;
  const create = device.createBuffer.bind(device);
  device.createBuffer = (desc) => {
    const buffer = create(desc);
    if (!(desc.usage & GPUBufferUsage.STORAGE)) return buffer;
    const destroy = buffer.destroy.bind(buffer);
    let alive = true;
    live += buffer.size;
    buffer.destroy = () => {
      if (alive) live -= buffer.size;
      alive = false;
      destroy();
    };
    return buffer;
  };
  return () => live;
}
