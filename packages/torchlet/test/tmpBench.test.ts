import { it } from 'vitest';
import * as torch from 'torchlet';
function time(name: string, f: () => unknown, reps = 5): void {
  f();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(`${name}: ${ts[Math.floor(reps / 2)]!.toFixed(2)} ms`);
}
it('bench', () => {
  torch.manualSeed?.(0);
  const x = torch.arange(1e6, { dtype: 'float32' }).view(1000, 1000);
  const cols = torch.arange(500).mul(2);
  const rows = torch.arange(1000).flip ? torch.arange(1000) : torch.arange(1000);
  time('x[:, idx500] (1000x1000 f32)', () => x.at(':', cols));
  time('x[idx1000] rows', () => x.at(rows));
  time('x[mask] half true', () => x.at(x.gt(5e5)));
  time('x[idx] = 1 (1000 rows)', () => x.setAt([rows], 1));
  time('indexSelect(1, idx500)', () => x.indexSelect(1, cols));
  time('gather dim1 [1000,500]', () => x.gather(1, cols.expand(1000, 500).contiguous()));
  const tgt = torch.zeros(1000);
  const idx = torch.arange(1e6).remainder(1000);
  const src = torch.ones(1e6);
  time('scatterAdd 1e6 -> 1e3', () => tgt.scatterAdd(0, idx, src));
  time('scatter_ 1e6 -> 1e3 (assign fast path)', () => tgt.clone().scatter_(0, idx, src));
  time('scatterReduce amax 1e6 -> 1e3', () => tgt.scatterReduce(0, idx, src, 'amax'));
  time('nonzero 1e6 (half)', () => x.gt(5e5).nonzero());
  time('maskedSelect 1e6 (half)', () => x.maskedSelect(x.gt(5e5)));
  torch.registerBackend({ ...torch.cpu(), device: 'cpu-primitives', supports: {} });
  const xs = torch.arange(1e4, { dtype: 'float32', device: 'cpu-primitives' });
  for (const n of [100, 1000, 2000]) {
    const i = torch.arange(n, { device: 'cpu-primitives' });
    const v = torch.ones(n, { device: 'cpu-primitives' });
    time(`reference assign, n=${n}`, () => xs.clone().scatter_(0, i, v), 3);
  }
  time('reference nonzero 1e6', () => torch.ones(1e6, { device: 'cpu-primitives' }).nonzero(), 3);
});
