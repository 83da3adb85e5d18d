// Atomicity under process death: a child process saving a 64 MB checkpoint over and over is
// killed with SIGKILL at random moments (CRASH_KILLS times, 100 by default). After every kill the
// checkpoint must load and be exactly the last saved version or the one being written; the next
// save removes the temporary file the killed one left.
import './setup.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'rolldown';
import { loadCheckpoint } from '../src/index.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 100);
const ELEMENTS = 16 * 1024 * 1024;
// a process kill loses nothing in the page cache, so tmpfs tests the same thing faster than a disk
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = mkdtempSync(join(base, 'torchlet-crash-'));
const bundle = join(dir, 'child.mjs');
const target = join(dir, 'ckpt.pt');

beforeAll(async () => {
  // the child runs outside vitest, so it is bundled from the sources (TypeScript) first
  await build({
    input: new URL('./crashChild.ts', import.meta.url).pathname,
    platform: 'node',
    resolve: { conditionNames: ['@torchlet/source', 'import', 'node', 'default'] },
    output: { file: bundle, format: 'esm', codeSplitting: false },
    logLevel: 'warn',
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  started: number;
  saved: number;
  saveMs: number[];
}

/** Starts the child at `first`; `waitFor` resolves on the first line matching. */
function startChild(first: number) {
  const child = spawn(process.execPath, [bundle, target, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { started: -1, saved: first - 1, saveMs: [] };
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiters: [RegExp, () => void][] = [];
  let startedAt = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [what, n] = line.split(' ');
    if (what === 'start') {
      run.started = Number(n);
      startedAt = performance.now();
    } else if (what === 'saved') {
      run.saved = Number(n);
      run.saveMs.push(performance.now() - startedAt);
    }
    for (const w of waiters.splice(0)) if (w[0].test(line)) w[1]();
      else waiters.push(w);
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const waitFor = (re: RegExp) => new Promise<void>((resolve, reject) => {
    waiters.push([re, resolve]);
    void exited.then(() => reject(new Error(`child exited early: ${stderr}`)));
  });
  return { child, run, waitFor, exited };
}

async function versionOf(): Promise<number> {
  let model: { big: torch.Tensor; small: torch.Tensor } | undefined;
  const got = await loadCheckpoint(target, { model: { stateDict: () => model, loadStateDict: (sd: typeof model) => void (model = sd) } });
  const step = got.step!;
  expect(model!.big.shape).toEqual([ELEMENTS]);
  // the record's CRC-32 (checked on load) vouches for every byte; these identify the version
  for (const i of [0, 12345, ELEMENTS >> 1, ELEMENTS - 1]) expect(model!.big.at(i).itemSync(), `big[${i}]`).toBe(step);
  expect(model!.small.tolistSync()).toEqual([step, step, step]);
  return step;
}

describe('SIGKILL while saving', () => {
  it(`the checkpoint is always the old or the new version (${KILLS} kills)`, async () => {
    // a first version to kill over, and the time one save takes here
    const first = startChild(0);
    await first.waitFor(/^saved 1$/);
    first.child.kill('SIGKILL');
    await first.exited;
    let current = await versionOf();
    const saveMs = Math.max(...first.run.saveMs);
    const outcomes = { old: 0, new: 0 };
    const start = performance.now();
    for (let k = 0; k < KILLS; k++) {
      const c = startChild(current + 1);
      await c.waitFor(/^start /);
      await new Promise((r) => setTimeout(r, Math.random() * saveMs * 1.2));
      c.child.kill('SIGKILL');
      await c.exited;
      const v = await versionOf();
      // the file is the last completed save, or a later one that completed (or renamed) before the kill
      expect(v >= current && v <= Math.max(c.run.started, current), `kill ${k}: found step ${v}, last saved ${current}, started ${c.run.started}`).toBe(true);
      outcomes[v === current ? 'old' : 'new']++;
      current = v;
      expect(readdirSync(dir).filter((f) => !['child.mjs', 'ckpt.pt'].includes(f)).length, 'at most the killed save\'s temporary file').toBeLessThanOrEqual(1);
    }
    const last = startChild(current + 1);
    await last.waitFor(/^saved /);
    last.child.kill('SIGKILL');
    await last.exited;
    await versionOf();
    console.log(`${KILLS} kills in ${((performance.now() - start) / 1000).toFixed(1)} s (one save took ${saveMs.toFixed(0)} ms): ${outcomes.old} left the old version, ${outcomes.new} the new one`);
    if (KILLS >= 20) expect(outcomes.old > 0 && outcomes.new > 0, 'kills landed both before and after the rename').toBe(true);
  }, 1_800_000);
});
