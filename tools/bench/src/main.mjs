#!/usr/bin/env node
// torchlet benchmarks: times the workloads of workloads.mjs in torchlet (CPU
// backend, built package), PyTorch 1.13 CPU with 1 and 2 threads, tfjs-wasm
// (1 thread), tfjs-cpu and jax-js (wasm device), all on this machine in this run;
// prints a table with the ratios torchlet ÷ reference and writes results/latest.json.
//
//   node src/main.mjs [--quick] [--filter <substring>] [--out <file>] [--no-webgpu] [--gpu] [--no-jaxjs]
//
// The WebGPU columns run the same workloads on torchlet's WebGPU backend and on
// jax-js's webgpu device (Dawn in Node). Without --gpu, and when VK_ICD_FILENAMES
// is unset, Dawn is pointed at Chromium's SwiftShader (Vulkan on the CPU): there
// the figures only track regressions, they say nothing of a real GPU.

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FULL, QUICK } from './measure.mjs';
import { runPyTorch } from './pytorch.mjs';
import { baseOf, figureOf, ratioOf, renderTable, unitOf } from './report.mjs';
import { JAXJS_MODULE, runJaxjs } from './jaxjs.mjs';
import { runTfjs, runTorchlet } from './runners.mjs';
import { selectWorkloads, WORKLOADS } from './workloads.mjs';
import { DATA_LOADING, runDataLoading, selectsDataLoading } from './dataLoading.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: pnpm bench [options]   (or, after pnpm build: pnpm --filter @torchlet/bench bench [options])

  --quick              fewer repeats (about a quarter of the time)
  --filter <text>      only workloads whose name or id contains <text>
  --out <file>         JSON results (default tools/bench/results/latest.json)
  --no-webgpu          skip the WebGPU columns
  --gpu                let Dawn use this machine's Vulkan drivers (default: SwiftShader when present)
  --no-jaxjs           skip the jax-js columns
  --jaxjs-import <m>   load jax-js from module <m> (default ${JAXJS_MODULE}; a missing one shows the run without it)
  -h, --help           this text

workloads: ${[...WORKLOADS.map((w) => w.id), DATA_LOADING.id].join(', ')}`;

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    filter: { type: 'string' },
    out: { type: 'string', default: resolve(HERE, '../results/latest.json') },
    help: { type: 'boolean', short: 'h', default: false },
    webgpu: { type: 'boolean', default: true },
    gpu: { type: 'boolean', default: false },
    jaxjs: { type: 'boolean', default: true },
    'jaxjs-import': { type: 'string', default: JAXJS_MODULE },
  },
  allowNegative: true,
  // turbo and pnpm may pass a lone `--` through.
  allowPositionals: true,
});

if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

const workloads = selectWorkloads(opts.filter);
const dataLoading = selectsDataLoading(opts.filter);
if (workloads.length === 0 && !dataLoading) {
  console.error(`no workload matches --filter ${JSON.stringify(opts.filter)}\n\n${USAGE}`);
  process.exit(1);
}
const protocol = opts.quick ? QUICK : FULL;
const log = (/** @type {string} */ s) => console.log(s);
const started = Date.now();
const cpus = os.cpus();

log(`torchlet benchmarks — ${workloads.length} workload(s), ${opts.quick ? 'quick' : 'full'} protocol ` +
  `(medians; ≥${protocol.minReps} runs or ${protocol.budgetS}s each after ${protocol.warmup} warm-up)`);
const loadBefore = os.loadavg();
log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} logical cores, Node ${process.version}, ` +
  `load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')}\n`);

// only the data-loading workload selected: it has its own table
if (workloads.length === 0) {
  const d = await runDataLoading(opts.quick, log);
  log(`\n${d.table}`);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify({ schema: 1, date: new Date(started).toISOString(), options: { quick: opts.quick, filter: opts.filter ?? null }, dataLoading: d.record }, null, 2)}\n`);
  process.exit(0);
}

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';
if (opts.webgpu && !opts.gpu && !process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER)) {
  // read by Dawn when it starts, which is after this point
  process.env.VK_ICD_FILENAMES = SWIFTSHADER;
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
}

const torchlet = await runTorchlet(workloads, protocol, log);
const gpu = opts.webgpu
  ? await runTorchlet(workloads, protocol, log, 'webgpu').catch((e) => failedRun(e, 'torchlet webgpu'))
  : { version: undefined, error: 'skipped (--no-webgpu)', results: {} };
const wasm = await runTfjs('wasm', workloads, protocol, log).catch((e) => failedRun(e));
const cpu = await runTfjs('cpu', workloads, protocol, log).catch((e) => failedRun(e));
// jax-js last: for its webgpu device it installs navigator.gpu, which other libraries look at
const jaxjs = (/** @type {'wasm' | 'webgpu'} */ device) => runJaxjs(device, workloads, protocol, log, opts['jaxjs-import']).catch((e) => failedRun(e, `jax-js ${device}`));
const jaxWasm = opts.jaxjs ? await jaxjs('wasm') : { version: undefined, error: 'skipped (--no-jaxjs)', results: {} };
const jaxGpu = !opts.jaxjs || !opts.webgpu
  ? { version: undefined, error: `skipped (${opts.jaxjs ? '--no-webgpu' : '--no-jaxjs'})`, results: {} }
  : 'error' in jaxWasm ? { version: undefined, error: jaxWasm.error, results: {} } : await jaxjs('webgpu');
const py1 = runPyTorch(workloads, protocol, 1);
const py2 = py1.available ? runPyTorch(workloads, protocol, 2) : py1;
if (!py1.available) log(py1.reason ?? 'PyTorch: unavailable');
else if (py1.blas && !/openblas/i.test(py1.blas)) {
  log(`note: PyTorch runs on ${py1.blas}, not OpenBLAS (apt-get install libopenblas0-pthread): its matmul figures are low`);
}

/**
 * @param {unknown} e
 * @param {string} [what]
 */
function failedRun(e, what = 'tfjs') {
  const error = e instanceof Error ? e.message : String(e);
  log(`  ${what} failed to start: ${error}`);
  return { version: undefined, error, results: {} };
}

/** @type {import('./report.mjs').Column[]} */
const columns = [
  { key: 'torchlet', label: 'torchlet', results: torchlet.results },
  { key: 'pytorch-1t', label: 'torch 1t', results: py1.results, missing: py1.available ? undefined : '—' },
  { key: 'pytorch-2t', label: 'torch 2t', results: py2.results, missing: py2.available ? undefined : '—' },
  { key: 'tfjs-wasm', label: 'tfjs-wasm', results: wasm.results, missing: 'error' in wasm ? '—' : undefined },
  { key: 'tfjs-cpu', label: 'tfjs-cpu', results: cpu.results, missing: 'error' in cpu ? '—' : undefined },
  { key: 'jax-js-wasm', label: 'jax-wasm', results: jaxWasm.results, missing: 'error' in jaxWasm ? '—' : undefined },
  { key: 'torchlet-webgpu', label: 'webgpu', results: gpu.results, missing: 'error' in gpu ? '—' : undefined },
  { key: 'jax-js-webgpu', label: 'jax-webgpu', base: 'torchlet-webgpu', results: jaxGpu.results, missing: 'error' in jaxGpu ? '—' : undefined },
];

const loading = dataLoading ? await runDataLoading(opts.quick, log) : undefined;

log('');
log(renderTable(workloads, columns));
log('');
log('Figures: GFLOP/s for matmul (higher is better), else median ms per call (lower is better).');
log('×: torchlet time ÷ reference time for the column to its left (>1: torchlet is slower; 4 = 4× slower); n/a: no form of the workload there.');
log((py1.available
  ? `torch 1t/2t: PyTorch ${py1.version} CPU, torch.set_num_threads and OPENBLAS_NUM_THREADS = 1 / 2. `
  : `torch 1t/2t: not run (${py1.reason}). `) +
  `tfjs ${wasm.version ?? cpu.version ?? ''}: wasm = XNNPACK${'simd' in wasm && wasm.simd ? ' SIMD' : ''}, ` +
  `${'threads' in wasm && wasm.threads ? wasm.threads : 1} thread; cpu = plain JavaScript.`);
log('jax-wasm: ' + ('error' in jaxWasm ? `not run (${jaxWasm.error})` : `jax-js ${jaxWasm.version} on its wasm device, ${jaxWasm.threads ?? '?'} thread; ` +
  'each workload eager or under jit, whichever a short probe found faster, its result checked against torchlet\'s first') + '.');
log('webgpu: torchlet on its WebGPU backend' + ('adapter' in gpu && gpu.adapter ? ` (${gpu.adapter}${process.env.VK_ICD_FILENAMES === SWIFTSHADER ? ', SwiftShader: Vulkan on the CPU, figures only track regressions' : ''})` : ` (${'error' in gpu ? gpu.error : 'not run'})`) + '; its × is torchlet CPU time ÷ WebGPU time.');
log('jax-webgpu' + ('error' in jaxGpu ? `: not run (${jaxGpu.error})` : `: jax-js ${jaxGpu.version} on its webgpu device (${jaxGpu.adapter})`) + '; its × is torchlet WebGPU time ÷ jax-js WebGPU time.');
if (loading !== undefined) log(`\n${loading.table}\n`);
log('Figures depend on the machine and its load: compare runs made on the same machine only.');
const loadAfter = os.loadavg();
if (Math.max(loadBefore[0], loadAfter[0]) > cpus.length + 1) {
  log(`warning: the machine was busy (1-minute load average ${loadBefore[0].toFixed(1)} before, ` +
    `${loadAfter[0].toFixed(1)} after, on ${cpus.length} cores): these figures are unreliable, the 2-thread ones most.`);
}

const record = {
  schema: 1,
  date: new Date(started).toISOString(),
  durationS: (Date.now() - started) / 1000,
  options: { quick: opts.quick, filter: opts.filter ?? null },
  protocol,
  machine: {
    cpu: cpus[0]?.model ?? null,
    logicalCores: cpus.length,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: { before: loadBefore, after: loadAfter },
  },
  implementations: {
    torchlet: { version: torchlet.version, backend: 'cpu' },
    'pytorch-1t': { available: py1.available, reason: py1.reason, version: py1.version, threads: py1.threads, blas: py1.blas },
    'pytorch-2t': { available: py2.available, reason: py2.reason, version: py2.version, threads: py2.threads, blas: py2.blas },
    'tfjs-wasm': { version: wasm.version, threads: 'threads' in wasm ? wasm.threads : undefined, simd: 'simd' in wasm ? wasm.simd : undefined, error: 'error' in wasm ? wasm.error : undefined },
    'tfjs-cpu': { version: cpu.version, error: 'error' in cpu ? cpu.error : undefined },
    'jax-js-wasm': jaxInfo(jaxWasm),
    'torchlet-webgpu': { version: gpu.version, adapter: 'adapter' in gpu ? gpu.adapter : undefined, error: 'error' in gpu ? gpu.error : undefined },
    'jax-js-webgpu': jaxInfo(jaxGpu),
  },
  dataLoading: loading?.record ?? null,
  workloads: workloads.map((w) => ({
    id: w.id,
    name: w.name,
    unit: unitOf(w),
    flops: w.flops ?? null,
    results: Object.fromEntries(columns.map((c) => {
      const r = c.results[w.id];
      return [c.key, r?.ok ? { ...r, figure: figureOf(w, r.medianMs) } : r ?? null];
    })),
    // torchlet median time ÷ the reference's (>1: torchlet is slower); torchlet WebGPU's for jax-js-webgpu.
    timeRatio: Object.fromEntries(columns.slice(1).map((c) => [c.key, ratioOf(baseOf(c, columns).results[w.id], c.results[w.id]) ?? null])),
  })),
};
/**
 * A jax-js run as the JSON records it.
 * @param {{ version?: string, device?: string, threads?: number, adapter?: string, error?: string }} run
 */
function jaxInfo(run) {
  return { version: run.version, device: run.device, threads: run.threads, adapter: run.adapter, error: run.error };
}

mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, `${JSON.stringify(record, null, 2)}\n`);
log(`\nwrote ${relative(process.cwd(), opts.out) || opts.out} (${record.durationS.toFixed(0)} s)`);
