// PyTorch reference: generates a Python script from the workload registry and
// runs it with Debian's /usr/bin/python3 (python3-torch, 1.13 CPU), once per
// thread count, with OPENBLAS_NUM_THREADS and torch.set_num_threads set to it.
// The script applies the same timing protocol as measure.mjs.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';
export const NOT_INSTALLED = 'PyTorch: not installed (apt-get install python3-torch)';
const NO_TORCH_EXIT = 3;

/** @typedef {import('./workloads.mjs').Workload} Workload */
/** @typedef {import('./measure.mjs').Protocol} Protocol */
/** @typedef {import('./runners.mjs').Result} Result */

/**
 * @typedef {object} PyTorchRun
 * @property {boolean} available
 * @property {string} [reason]   why there are no figures
 * @property {string} [version]
 * @property {string} [blas]     the BLAS library the process loaded (from /proc/self/maps)
 * @property {number} [threads]  torch.get_num_threads() during the run
 * @property {Record<string, Result>} results
 */

/**
 * The generated script. Workloads come in as JSON on stdin: [{id, setup, run}],
 * with the protocol; results go out as JSON on stdout, progress on stderr.
 */
const SCRIPT = String.raw`
import json, math, sys, time
try:
    import torch
except ImportError:
    sys.exit(${NO_TORCH_EXIT})

cfg = json.load(sys.stdin)
threads = cfg['threads']
torch.set_num_threads(threads)
p = cfg['protocol']

def inp(shape, seed=0):
    n = math.prod(shape)
    i = torch.arange(n, dtype=torch.float64)
    return torch.sin(i * 0.001 + seed).to(torch.float32).reshape(shape)

def measure(fn):
    for _ in range(p['warmup']):
        t0 = time.perf_counter()
        fn()
        if time.perf_counter() - t0 > p['budgetS']:
            break
    times = []
    spent = 0.0
    while len(times) < p['maxReps']:
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        times.append(dt * 1000)
        spent += dt
        if spent >= p['budgetS'] and len(times) >= p['minReps']:
            break
        if spent >= p['capS']:
            break
    s = sorted(times)
    m = len(s) // 2
    med = s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2
    return {'ok': True, 'medianMs': med, 'minMs': s[0], 'maxMs': s[-1], 'reps': len(s)}

results = {}
with torch.no_grad():
    for w in cfg['workloads']:
        try:
            env = {'torch': torch, 'inp': inp}
            exec(w['setup'], env)
            fn = eval('lambda: ' + w['run'], env)
            r = measure(fn)
            print('  %-12s %-34s %10.3f ms  (%d runs)' % ('torch %dt' % threads, w['name'], r['medianMs'], r['reps']), file=sys.stderr, flush=True)
        except Exception as e:
            r = {'ok': False, 'error': '%s: %s' % (type(e).__name__, e)}
            print('  %-12s %-34s failed: %s' % ('torch %dt' % threads, w['name'], r['error']), file=sys.stderr, flush=True)
        results[w['id']] = r

blas = None
try:
    with open('/proc/self/maps') as f:
        libs = sorted({line.split()[-1] for line in f if 'blas' in line.lower() and '/' in line})
    blas = ', '.join(libs) or None
except OSError:
    pass

json.dump({'version': torch.__version__, 'threads': torch.get_num_threads(), 'blas': blas, 'results': results}, sys.stdout)
`;

/**
 * Times the workloads in PyTorch with `threads` threads.
 * @param {Workload[]} workloads
 * @param {Protocol} protocol
 * @param {number} threads
 * @returns {PyTorchRun}
 */
export function runPyTorch(workloads, protocol, threads) {
  if (!existsSync(PYTHON)) return { available: false, reason: NOT_INSTALLED, results: {} };
  const dir = mkdtempSync(join(tmpdir(), 'torchlet-bench-'));
  try {
    const script = join(dir, 'bench_pytorch.py');
    writeFileSync(script, SCRIPT);
    const input = JSON.stringify({
      threads,
      protocol,
      workloads: workloads.map((w) => ({ id: w.id, name: w.name, ...w.pytorch })),
    });
    const n = String(threads);
    const r = spawnSync(PYTHON, [script], {
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'inherit'],
      maxBuffer: 64 << 20,
      env: { ...process.env, OPENBLAS_NUM_THREADS: n, OMP_NUM_THREADS: n, MKL_NUM_THREADS: n },
    });
    if (r.error) return { available: false, reason: `PyTorch: ${r.error.message}`, results: {} };
    if (r.status === NO_TORCH_EXIT) return { available: false, reason: NOT_INSTALLED, results: {} };
    if (r.status !== 0) return { available: false, reason: `PyTorch: script exited with ${r.status ?? r.signal}`, results: {} };
    return { available: true, ...JSON.parse(r.stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
