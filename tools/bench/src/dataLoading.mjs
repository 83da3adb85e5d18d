// The data-loading workload: Fashion-MNIST (Debian's dataset-fashion-mnist files)
// through ToTensor + Normalize + RandomCrop(28, padding=2), shuffled batches of 64,
// with 0, 1 and 2 workers, in torchlet's DataLoader (the built packages) and in
// PyTorch's DataLoader on the same machine in the same run. The figure is images
// per second after the first batch (the steady state), with the time to the
// first batch (worker start-up included) beside it.
//
// torchvision is not installed here: the PyTorch side writes the same three
// transforms with torch ops, as torchvision's tensor kernels compute them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_INSTALLED, PYTHON } from './pytorch.mjs';

export const DATA_LOADING = {
  id: 'data-loading',
  name: 'Fashion-MNIST loading (ToTensor + Normalize + RandomCrop), images/s',
};
const ROOT = '/usr/share/datasets/fashion-mnist';
const WORKERS = [0, 1, 2];
const BATCH = 64;
const MEAN = 0.286;
const STD = 0.353;

/**
 * Whether `--filter` selects the workload (no filter selects everything).
 * @param {string | undefined} filter
 */
export function selectsDataLoading(filter) {
  if (filter === undefined) return true;
  const f = filter.toLowerCase();
  return DATA_LOADING.id.includes(f) || DATA_LOADING.name.toLowerCase().includes(f);
}

/**
 * @typedef {{ ok: true, imagesPerS: number, firstBatchMs: number, images: number } | { ok: false, error: string }} LoadResult
 * @typedef {{ available: boolean, reason?: string, version?: string, results: Record<string, LoadResult> }} LoadRun
 */

/**
 * torchlet's DataLoader over the built `torchlet` package.
 * @param {number} batches batches per measurement (the first is not counted)
 * @param {(line: string) => void} log
 * @returns {Promise<LoadRun>}
 */
async function runTorchletLoading(batches, log) {
  const torch = await import('torchlet');
  const { Compose, Normalize, RandomCrop, ToTensor } = torch.transforms;
  const transform = new Compose([new ToTensor(), new Normalize([MEAN], [STD]), new RandomCrop(28, { padding: 2 })]);
  const dataset = new torch.datasets.FashionMNIST(ROOT, { train: true, transform });
  /** @type {Record<string, LoadResult>} */
  const results = {};
  for (const numWorkers of WORKERS) {
    try {
      torch.manualSeed(0);
      const loader = new torch.utils.data.DataLoader(dataset, { batchSize: BATCH, shuffle: true, numWorkers });
      const start = performance.now();
      let first = 0;
      let images = 0;
      let seen = 0;
      for await (const [x] of loader) {
        if (seen === 0) first = performance.now();
        else images += x.shape[0];
        if (++seen >= batches) break;
      }
      const end = performance.now();
      results[numWorkers] = { ok: true, imagesPerS: images / ((end - first) / 1000), firstBatchMs: first - start, images };
      log(`  torchlet     ${numWorkers} worker(s)  ${results[numWorkers].imagesPerS.toFixed(0).padStart(8)} images/s  (first batch after ${(first - start).toFixed(0)} ms)`);
    } catch (e) {
      results[numWorkers] = { ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
      log(`  torchlet     ${numWorkers} worker(s)  failed: ${results[numWorkers].error}`);
    }
  }
  return { available: true, results };
}

const SCRIPT = String.raw`
import gzip, json, sys, time
import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, Dataset

cfg = json.load(sys.stdin)
torch.set_num_threads(1)
with gzip.open(cfg['root'] + '/train-images-idx3-ubyte.gz') as f:
    images = torch.from_numpy(np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28).copy())
with gzip.open(cfg['root'] + '/train-labels-idx1-ubyte.gz') as f:
    labels = np.frombuffer(f.read(), np.uint8, offset=8).copy()
mean = torch.tensor([cfg['mean']]).view(-1, 1, 1)
std = torch.tensor([cfg['std']]).view(-1, 1, 1)

class Fashion(Dataset):
    """torchvision's FashionMNIST with ToTensor, Normalize and RandomCrop(28, padding=2), as its tensor kernels compute them."""
    def __len__(self):
        return len(labels)
    def __getitem__(self, i):
        x = images[i][None].to(torch.float32).div(255)          # ToTensor
        x = x.clone().sub_(mean).div_(std)                       # Normalize
        x = F.pad(x[None], [2, 2, 2, 2], value=0.0)[0]           # RandomCrop: pad, then
        top = torch.randint(0, 5, size=(1,)).item()
        left = torch.randint(0, 5, size=(1,)).item()
        return x[..., top:top + 28, left:left + 28], int(labels[i])

results = {}
for workers in cfg['workers']:
    torch.manual_seed(0)
    loader = DataLoader(Fashion(), batch_size=cfg['batch'], shuffle=True, num_workers=workers)
    start = time.perf_counter()
    seen = count = 0
    first = start
    for x, _ in loader:
        if seen == 0:
            first = time.perf_counter()
        else:
            count += x.shape[0]
        seen += 1
        if seen >= cfg['batches']:
            break
    end = time.perf_counter()
    del loader
    results[str(workers)] = {'ok': True, 'imagesPerS': count / (end - first), 'firstBatchMs': (first - start) * 1000, 'images': count}
    print('  %-12s %d worker(s)  %8.0f images/s  (first batch after %.0f ms)' % ('torch', workers, results[str(workers)]['imagesPerS'], (first - start) * 1000), file=sys.stderr, flush=True)
json.dump({'version': torch.__version__, 'results': results}, sys.stdout)
`;

/**
 * PyTorch's DataLoader in /usr/bin/python3 (worker processes by fork, 1 thread each, as PyTorch sets).
 * @param {number} batches
 * @returns {LoadRun}
 */
function runPyTorchLoading(batches) {
  if (!existsSync(PYTHON)) return { available: false, reason: NOT_INSTALLED, results: {} };
  const dir = mkdtempSync(join(tmpdir(), 'torchlet-bench-data-'));
  try {
    const script = join(dir, 'bench_data_loading.py');
    writeFileSync(script, SCRIPT);
    const input = JSON.stringify({ root: ROOT, workers: WORKERS, batch: BATCH, batches, mean: MEAN, std: STD });
    const r = spawnSync(PYTHON, [script], {
      input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    });
    if (r.error) return { available: false, reason: `PyTorch: ${r.error.message}`, results: {} };
    if (r.status !== 0) return { available: false, reason: `PyTorch: script exited with ${r.status ?? r.signal}`, results: {} };
    return { available: true, ...JSON.parse(r.stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the workload in torchlet and PyTorch and renders its table.
 * @param {boolean} quick
 * @param {(line: string) => void} log
 * @returns {Promise<{ table: string, record: object }>}
 */
export async function runDataLoading(quick, log) {
  if (!existsSync(join(ROOT, 'train-images-idx3-ubyte.gz'))) {
    const reason = `skipped: no Fashion-MNIST in ${ROOT} (apt-get install dataset-fashion-mnist)`;
    return { table: `${DATA_LOADING.name}: ${reason}`, record: { id: DATA_LOADING.id, skipped: reason } };
  }
  const batches = quick ? 60 : 240;
  log(`\n${DATA_LOADING.name}: ${batches} batches of ${BATCH} per run`);
  const torchlet = await runTorchletLoading(batches, log);
  const pytorch = runPyTorchLoading(batches);
  if (!pytorch.available) log(pytorch.reason ?? 'PyTorch: unavailable');
  const rows = WORKERS.map((n) => {
    const a = torchlet.results[n];
    const b = pytorch.results[n];
    const fig = (/** @type {LoadResult | undefined} */ r) => (r?.ok ? r.imagesPerS.toFixed(0) : '—');
    const first = (/** @type {LoadResult | undefined} */ r) => (r?.ok ? `${r.firstBatchMs.toFixed(0)} ms` : '—');
    const ratio = a?.ok && b?.ok ? (b.imagesPerS / a.imagesPerS).toFixed(2) : '—';
    return `  ${String(n).padEnd(8)} ${fig(a).padStart(10)} ${first(a).padStart(9)} ${fig(b).padStart(12)} ${first(b).padStart(9)} ${ratio.padStart(7)}`;
  });
  const table = [
    `${DATA_LOADING.name}: batch ${BATCH}, shuffled, train split; after the first batch (first: time to the first batch)`,
    `  ${'workers'.padEnd(8)} ${'torchlet'.padStart(10)} ${'first'.padStart(9)} ${'torch 1.13'.padStart(12)} ${'first'.padStart(9)} ${'×'.padStart(7)}`,
    ...rows,
    '×: PyTorch images/s ÷ torchlet images/s (>1: torchlet is slower). PyTorch side: torchvision absent, its three tensor transforms written with torch ops.',
  ].join('\n');
  return { table, record: { id: DATA_LOADING.id, name: DATA_LOADING.name, batch: BATCH, batches, torchlet, pytorch } };
}
