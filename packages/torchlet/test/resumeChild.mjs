// One training process for resume.test.ts: a real nn.Module (with dropout), torch.optim.Adam, a
// StepLR scheduler and a shuffling DataLoader, checkpointed after every step. It resumes from the
// newest checkpoint in DIR when there is one, trains up to step UNTIL, and prints `step <n> <loss
// as float64 hex>` once step n's checkpoint is on disk. The test kills it with SIGKILL.
// With HOLD it waits, idle, once step HOLD is printed (the test's kill lands there).
// Usage: node resumeChild.mjs DIR UNTIL SEED [HOLD]
import * as torch from 'torchlet';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [dir, untilArg, seedArg, holdArg] = process.argv.slice(2);
const hold = holdArg === undefined ? -1 : Number(holdArg);
const until = Number(untilArg);
const seed = Number(seedArg); // a different seed on resume proves every state comes from the file

const data = torch.randn([48, 4], { generator: new torch.Generator().manualSeed(7) });
const target = data.matmul(torch.tensor([[1.5], [-2], [0.5], [1]])).add(0.1);

torch.manualSeed(seed);
const model = new torch.nn.Sequential(new torch.nn.Linear(4, 8), new torch.nn.ReLU(), new torch.nn.Dropout(0.2), new torch.nn.Linear(8, 1));
const optimizer = new torch.optim.Adam(model.parameters(), { lr: 0.05 });
const scheduler = new torch.optim.lrScheduler.StepLR(optimizer, { stepSize: 1, gamma: 0.7 });
const loaderGen = new torch.Generator().manualSeed(seed + 1);
const dataset = new torch.utils.data.TensorDataset(data, target);
const loader = new torch.utils.data.DataLoader(dataset, { batchSize: 8, shuffle: true, generator: loaderGen });
const generator = { cpu: torch.defaultGenerator, loader: loaderGen };
const template = join(dir, 'step-{step}.pt');

let step = 0;
if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.pt'))) {
  const r = await torch.checkpoint.loadCheckpoint(template, { model, optimizer, scheduler, loader, generator });
  step = r.step;
  process.stdout.write(`resumed ${step}\n`);
}

const hex = (x) => Buffer.from(new Float64Array([x]).buffer).toString('hex');
while (step < until) {
  for await (const [x, y] of loader) {
    const loss = torch.nn.F.mseLoss(model.call(x), y);
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    step++;
    const value = loss.itemSync();
    const endOfEpoch = loader.stateDict().batchesYielded === loader.length;
    if (endOfEpoch) scheduler.step();
    const epoch = Math.floor(step / loader.length); // epochs completed
    await torch.checkpoint.saveCheckpoint(template, { model, optimizer, scheduler, loader, generator, step, epoch }, { keepLast: 2 });
    process.stdout.write(`step ${step} ${hex(value)}\n`);
    if (step === hold) await new Promise((resolve) => setTimeout(resolve, 600_000));
    if (step === until) break;
  }
}
