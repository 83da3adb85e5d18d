// PyTorch through tools/torch_checkpoint.py, when this machine has it (CI machines do not: the
// committed fixtures carry the tests there, and these checks skip).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Manifest } from './manifest.js';

const PYTHON = process.env.TORCH_PYTHON ?? '/usr/bin/python3';
const SCRIPT = new URL('../../../tools/torch_checkpoint.py', import.meta.url).pathname;

/** Whether PyTorch can be run here. */
export const hasTorch = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

/** What PyTorch sees in each file (tools/torch_checkpoint.py describe), in one run of Python. */
export function describeWithTorch(files: string[]): Manifest[] {
  const r = spawnSync(PYTHON, [SCRIPT, 'describe', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`torch_checkpoint.py describe failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as Manifest);
}

/** Whether torch.load(file, weights_only=True) accepts the file (tools/torch_checkpoint.py check). */
export function weightsOnlyAccepts(file: string): { ok: boolean; stderr: string } {
  const r = spawnSync(PYTHON, [SCRIPT, 'check', file], { encoding: 'utf8' });
  return { ok: r.status === 0, stderr: r.stderr };
}
