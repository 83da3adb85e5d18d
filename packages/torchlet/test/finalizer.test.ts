// The FinalizationRegistry safety net: a tensor nobody disposed gives its
// storage back once it is garbage-collected. Needs node's --expose-gc
// (set in this package's vitest config).
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
const cpuBytes = (): number => torch.memory()['cpu']?.bytes ?? 0;

function allocateAndDrop(): void {
  torch.zeros([1000], { device: 'cpu' }).add(1);
}

describe('finalizer safety net', () => {
  it.runIf(gc !== undefined)('frees storage of collected tensors', async () => {
    const before = cpuBytes();
    allocateAndDrop();
    expect(cpuBytes()).toBeGreaterThanOrEqual(before + 8000);
    for (let i = 0; i < 50 && cpuBytes() > before; i++) {
      gc!();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(cpuBytes()).toBeLessThanOrEqual(before);
  });

  it('runs with --expose-gc', () => {
    expect(gc).toBeTypeOf('function');
  });
});
