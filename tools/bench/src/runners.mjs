// The JavaScript implementations under test: torchlet (CPU backend) and tfjs
// (wasm backend with 1 thread, cpu backend); jax-js has its own runner (jaxjs.mjs). Each runner times every selected
// workload with the shared protocol and returns one Sample (or an error) per workload.

import { measure } from './measure.mjs';
import { inputData } from './workloads.mjs';

/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./measure.mjs').Protocol} Protocol */
/** @typedef {import('./measure.mjs').Sample} Sample */
/** @typedef {{ ok: true } & Sample | { ok: false, na?: true, error: string }} Result  `na`: the implementation has no form of the workload */

/**
 * Runs `time` for one workload and logs its median (and `note`, when the sample has one),
 * or its error; an error becomes a failed Result rather than ending the run.
 * @param {(line: string) => void} log
 * @param {string} label
 * @param {Workload} w
 * @param {() => Promise<Sample & { note?: string }>} time
 * @returns {Promise<Result>}
 * @example results[w.id] = await guarded(console.log, 'torchlet', w, () => measure(run, QUICK));
 */
export async function guarded(log, label, w, time) {
  try {
    const s = await time();
    log(`  ${label.padEnd(12)} ${w.name.padEnd(34)} ${s.medianMs.toFixed(3).padStart(10)} ms  (${s.reps} runs${s.note ? `; ${s.note}` : ''})`);
    return { ok: true, ...s };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    log(`  ${label.padEnd(12)} ${w.name.padEnd(34)} failed: ${error}`);
    return { ok: false, error };
  }
}

/**
 * torchlet on its CPU backend or its WebGPU backend (the built packages:
 * packages/torchlet/dist, packages/webgpu-backend/dist). Inputs are made on the
 * CPU and moved to the device; the timed region ends when the device is idle.
 * @param {Workload[]} workloads
 * @param {Protocol} p
 * @param {(line: string) => void} log
 * @param {'cpu' | 'webgpu'} [device]
 * @returns {Promise<{ version: string, adapter?: string, results: Record<string, Result> }>}
 */
export async function runTorchlet(workloads, p, log, device = 'cpu') {
  const torch = await import('torchlet');
  const { default: pkg } = await import('torchlet/package.json', { with: { type: 'json' } });
  /** @type {string | undefined} */
  let adapter;
  if (device === 'webgpu') {
    const { webgpu } = await import('@torchlet/webgpu-backend');
    const gpu = await webgpu();
    const info = gpu.gpuDevice.adapterInfo;
    adapter = [info?.vendor, info?.architecture, info?.device, info?.description].filter(Boolean).join(' ') || 'unknown adapter';
    torch.registerBackend(gpu);
  }
  const backend = torch.getBackend(device);
  const label = device === 'cpu' ? 'torchlet' : `torchlet-${device}`;
  /** @type {Record<string, Result>} */
  const results = {};
  for (const w of workloads) {
    /** @type {any[]} */
    const inputs = [];
    results[w.id] = await guarded(log, label, w, async () => {
      const run = w.torchlet(torch, (shape, seed = 0) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const t = torch.tidy(() => torch.tensor(inputData(n, seed)).reshape(...shape).to(device));
        inputs.push(t);
        return t;
      });
      // tidy frees the result and any temporaries inside the timed region;
      // sync() waits for the backend (immediate on the CPU, which runs synchronously;
      // on WebGPU it submits the batch and waits for the queue).
      // an `issueOnly` workload leaves the sync out of the timed region: its figure is
      // the cost of issuing the ops (WebGPU: argument checks and encoding), not of running them
      const sync = () => backend.sync();
      return measure(() => {
        torch.tidy(() => {
          run();
        });
        return w.issueOnly ? undefined : sync();
      }, p, w.issueOnly ? sync : undefined);
    });
    for (const t of inputs) t.dispose();
  }
  return { version: pkg.version, adapter, results };
}

/**
 * tfjs-core on one of its backends. 'wasm' is XNNPACK with SIMD, 1 thread
 * (Node has no threaded wasm build here; setThreadsCount(1) is called anyway).
 * @param {'wasm' | 'cpu'} backendName
 * @param {Workload[]} workloads
 * @param {Protocol} p
 * @param {(line: string) => void} log
 * @returns {Promise<{ version: string, threads?: number, simd?: boolean, results: Record<string, Result> }>}
 */
export async function runTfjs(backendName, workloads, p, log) {
  const tf = await quietly(() => import('@tensorflow/tfjs-core'));
  /** @type {number | undefined} */
  let threads;
  /** @type {boolean | undefined} */
  let simd;
  if (backendName === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (typeof wasm.setThreadsCount === 'function') wasm.setThreadsCount(1);
    await quietly(() => tf.setBackend('wasm'));
    threads = typeof wasm.getThreadsCount === 'function' ? wasm.getThreadsCount() : undefined;
    simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  } else {
    await import('@tensorflow/tfjs-backend-cpu');
    // tfjs prints a banner recommending tfjs-node when its cpu backend first stores a tensor in Node.
    await quietly(async () => {
      await tf.setBackend('cpu');
      tf.tensor([0]).dispose();
    });
  }
  await tf.ready();
  if (tf.getBackend() !== backendName) throw new Error(`tfjs: backend ${backendName} did not start`);
  const label = `tfjs-${backendName}`;
  /** @type {Record<string, Result>} */
  const results = {};
  for (const w of workloads) {
    const setup = w.tfjs;
    if (!setup) {
      results[w.id] = { ok: false, na: true, error: 'no tfjs equivalent' };
      continue;
    }
    /** @type {any[]} */
    const inputs = [];
    results[w.id] = await guarded(log, label, w, async () => {
      const run = setup(tf, (shape, seed = 0) => {
        const n = shape.reduce((a, b) => a * b, 1);
        const t = tf.tensor(inputData(n, seed), shape, 'float32');
        inputs.push(t);
        return t;
      });
      // Both backends compute eagerly and synchronously; tidy frees the result.
      return measure(() => {
        tf.tidy(() => {
          run();
        });
      }, p);
    });
    for (const t of inputs) t.dispose();
  }
  return { version: tf.version_core, threads, simd, results };
}

/**
 * Runs `fn` with console.warn and console.log silenced (tfjs's banners).
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function quietly(fn) {
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}
