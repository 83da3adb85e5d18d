// Resuming from a training checkpoint on the CPU: a run stopped after step 1, mid-epoch, at an
// epoch boundary and near the end, then resumed from its newest checkpoint by fresh objects,
// gives bit-identical losses to the run that was never stopped. The model is an nn.Module; the
// optimizer and the loader are small stand-ins with PyTorch's stateDict()/loadStateDict() layout
// (torch.optim and DataLoader are not in torchlet yet). The checkpoint holds their state, the
// generators and the counters.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as torch from 'torchlet';
import type { Tensor } from 'torchlet';

const N = 48;
const BATCH = 8;
const EPOCHS = 3;
const STEPS = (N / BATCH) * EPOCHS; // 18

/** A 4-8-1 MLP with dropout: a real nn.Module (Parameters and a buffer), its layers written out. */
class Mlp extends torch.nn.Module {
  declare w1: torch.nn.Parameter;
  declare b1: torch.nn.Parameter;
  declare w2: torch.nn.Parameter;
  declare b2: torch.nn.Parameter;
  declare seen: Tensor;
  constructor(g: torch.Generator) {
    super();
    const p = (shape: number[]) => new torch.nn.Parameter(torch.randn(shape, { generator: g }).mul(0.5));
    this.w1 = p([8, 4]);
    this.b1 = p([8]);
    this.w2 = p([1, 8]);
    this.b2 = p([1]);
    this.registerBuffer('seen', torch.tensor(0)); // an int64 counter, as BatchNorm's num_batches_tracked
  }
  override forward(x: Tensor, g: torch.Generator): Tensor {
    torch.noGrad(() => this.seen.add_(x.shape[0]!));
    const h = x.matmul(this.w1.t()).add(this.b1).relu();
    const keep = torch.bernoulli(torch.full(h.shape, 0.8), { generator: g }); // dropout mask from the checkpointed generator
    return h.mul(keep).div(0.8).matmul(this.w2.t()).add(this.b2);
  }
}

/** SGD with momentum, PyTorch's state-dict layout. */
class Sgd {
  buf: (Tensor | null)[];
  constructor(private readonly params: Tensor[], readonly lr: number, readonly momentum: number) {
    this.buf = params.map(() => null);
  }
  step(): void {
    torch.noGrad(() => this.params.forEach((p, i) => {
      const g = p.grad!;
      this.buf[i] = this.buf[i] ? this.buf[i]!.mul(this.momentum).add(g) : g.clone();
      p.sub_(this.buf[i]!.mul(this.lr));
      p.grad = null;
    }));
  }
  stateDict() {
    const state: Record<number, { momentum_buffer: Tensor }> = {};
    this.buf.forEach((b, i) => b && (state[i] = { momentum_buffer: b }));
    return { state, param_groups: [{ lr: this.lr, momentum: this.momentum, params: this.params.map((_, i) => i) }] };
  }
  loadStateDict(sd: { state: Record<string, { momentum_buffer: Tensor }> }): void {
    this.buf = this.params.map((_, i) => sd.state[i]?.momentum_buffer.clone() ?? null);
  }
}

/** A shuffling loader: a new permutation each epoch from its own generator; its position is the state. */
class Loader {
  epoch = 0;
  batch = 0;
  perm: Tensor | null = null;
  constructor(private readonly g: torch.Generator) {}
  next(): Tensor {
    if (this.perm === null || this.batch === N / BATCH) {
      if (this.perm !== null) this.epoch++;
      this.perm = torch.randperm(N, { generator: this.g });
      this.batch = 0;
    }
    return this.perm.at([this.batch * BATCH, ++this.batch * BATCH]);
  }
  stateDict() {
    return { epoch: this.epoch, batch: this.batch, perm: this.perm };
  }
  loadStateDict(sd: { epoch: number; batch: number; perm: Tensor | null }): void {
    Object.assign(this, { epoch: sd.epoch, batch: sd.batch, perm: sd.perm });
  }
}

const data = torch.randn([N, 4], { generator: new torch.Generator().manualSeed(7) });
const target = data.matmul(torch.tensor([[1.5], [-2], [0.5], [1]])).add(0.1);

/** Trains from step `from` (after loading the newest checkpoint when there is one) up to `until`, checkpointing every step. */
async function train(dir: string, from: number, until: number, seed: number): Promise<number[]> {
  const modelGen = new torch.Generator().manualSeed(seed);
  const model = new Mlp(modelGen);
  const opt = new Sgd([...model.parameters()], 0.05, 0.9);
  const loaderGen = new torch.Generator().manualSeed(seed + 1);
  const loader = new Loader(loaderGen);
  const generator = { model: modelGen, loader: loaderGen };
  const template = join(dir, 'step-{step}.pt');
  let step = 0;
  if (from > 0) step = (await torch.checkpoint.loadCheckpoint(template, { model, optimizer: opt, loader, generator })).step!;
  expect(step).toBe(from);
  const losses: number[] = [];
  while (step < until) {
    const idx = loader.next();
    const loss = (model.call(data.at(idx), modelGen) as Tensor).sub(target.at(idx)).pow(2).mean();
    loss.backward();
    opt.step();
    step++;
    losses.push(loss.itemSync() as number);
    await torch.checkpoint.saveCheckpoint(template, { model, optimizer: opt, loader, generator, step, epoch: loader.epoch }, { keepLast: 2 });
  }
  return losses;
}

describe('resume from a checkpoint (CPU)', () => {
  it('gives bit-identical losses after stopping at step 1, mid-epoch, an epoch boundary and near the end', async () => {
    const full = await train(mkdtempSync(join(tmpdir(), 'torchlet-resume-')), 0, STEPS, 1);
    expect(full.length).toBe(STEPS);
    expect(full[STEPS - 1]!).toBeLessThan(full[0]!); // it does learn
    for (const stop of [1, 9, 12, 17]) {
      const dir = mkdtempSync(join(tmpdir(), 'torchlet-resume-'));
      const before = await train(dir, 0, stop, 1);
      // a new process would start with fresh objects: other seeds prove everything comes from the file
      const after = await train(dir, stop, STEPS, 99);
      expect([...before, ...after], `stopped at step ${stop}`).toEqual(full);
      const last = await torch.checkpoint.loadCheckpoint(join(dir, 'step-{step}.pt'));
      expect((last.state.model as Record<string, Tensor>).seen!.itemSync()).toBe(STEPS * BATCH);
    }
  }, 300_000);
});
