// Resuming from a training checkpoint on the CPU, across real processes: resumeChild.mjs trains
// an nn.Module with torch.optim.Adam, a StepLR scheduler and a shuffling DataLoader, saving a
// checkpoint after every step. Killed with SIGKILL after step 1, mid-epoch, at an epoch boundary,
// near the end and at a random moment, then restarted (with other seeds, so that every state must
// come from the file), it prints bit-identical losses to the run that was never killed. The child
// imports the built package (`pnpm build` first, as CI does).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./resumeChild.mjs', import.meta.url));
const STEPS = 36; // 6 epochs of 6 batches

interface Run {
  /** Loss (float64 hex) by step, as printed. */
  losses: Map<number, string>;
  /** The step the run resumed from (0 when it started fresh). */
  resumed: number;
}

/** Runs the child; kills it with SIGKILL once step `atStep` is printed, or `afterMs` after step 1 is. */
function run(dir: string, seed: number, kill: { atStep?: number; afterMs?: number } = {}): Promise<Run> {
  const args = [CHILD, dir, String(STEPS), String(seed)];
  if (kill.atStep !== undefined) args.push(String(kill.atStep));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const result: Run = { losses: new Map(), resumed: 0 };
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    const lines = out.split('\n');
    out = lines.pop()!;
    for (const line of lines) {
      const [what, n, hex] = line.split(' ');
      if (what === 'resumed') result.resumed = Number(n);
      if (what === 'step') {
        result.losses.set(Number(n), hex!);
        // timed from the first checkpoint on disk, so that a slow machine still has one to resume from
        if (Number(n) === 1 && kill.afterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
        if (Number(n) === kill.atStep) child.kill('SIGKILL');
      }
    }
  });
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      const killed = signal === 'SIGKILL' && (kill.atStep !== undefined || kill.afterMs !== undefined);
      if (code === 0 || killed) resolve(result);
      else reject(new Error(`resumeChild exited with ${code ?? signal}: ${err}`));
    });
  });
}

describe('resume from a checkpoint (CPU, SIGKILL)', () => {
  it('gives bit-identical losses after a kill at step 1, mid-epoch, an epoch boundary, near the end and at a random moment', async () => {
    const full = await run(mkdtempSync(join(tmpdir(), 'torchlet-resume-')), 1);
    expect(full.losses.size).toBe(STEPS);
    const first = Buffer.from(full.losses.get(1)!, 'hex').readDoubleLE();
    const last = Buffer.from(full.losses.get(STEPS)!, 'hex').readDoubleLE();
    expect(last).toBeLessThan(first); // it does learn

    const kills = [{ atStep: 1 }, { atStep: 9 }, { atStep: 12 }, { atStep: STEPS - 1 }, { afterMs: Math.floor(Math.random() * 300) }];
    for (const kill of kills) {
      const dir = mkdtempSync(join(tmpdir(), 'torchlet-resume-'));
      const before = await run(dir, 1, kill);
      const after = await run(dir, 99, {});
      const label = JSON.stringify(kill);
      if (kill.atStep !== undefined) expect(after.resumed, label).toBe(kill.atStep);
      else expect(after.resumed, label).toBeGreaterThanOrEqual(1);
      // every step either run printed is the uninterrupted run's
      for (const r of [before, after]) for (const [step, hex] of r.losses) expect(hex, `${label}, step ${step}`).toBe(full.losses.get(step));
      // the restart picks up at the last step printed, or at the one after it when the kill fell
      // between that step's checkpoint and its line
      const printed = Math.max(...before.losses.keys());
      expect([printed, printed + 1], label).toContain(after.resumed);
      for (let s = 1; s <= printed; s++) expect(before.losses.has(s), `${label}, step ${s}`).toBe(true);
      for (let s = after.resumed + 1; s <= STEPS; s++) expect(after.losses.has(s), `${label}, step ${s}`).toBe(true);
      // a timed kill may come after the last step: then the restart has nothing left to run
      if (after.losses.size === 0) expect(after.resumed, label).toBe(STEPS);
      else expect(Math.min(...after.losses.keys()), label).toBe(after.resumed + 1);
    }
  }, 300_000);
});
