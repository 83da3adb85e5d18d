// Every optimizer steps on WebGPU (which reads only asynchronously) with the CPU's results
// within float32 tolerance, and LBFGS runs there through stepAsync.
import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

const close = (a: number, e: number) => Math.abs(a - e) <= 1e-5 + 1.3e-6 * Math.abs(e);
const values = async (ts: torch.Tensor[]) => (await Promise.all(ts.map((t) => t.data()))).flatMap((a) => Array.from(a as Float32Array));

type Make = (params: torch.Tensor[]) => torch.optim.Optimizer;
const OPTIMIZERS: [string, Make][] = [
  ['SGD nesterov', (p) => new torch.optim.SGD(p, 0.1, { momentum: 0.9, nesterov: true, weightDecay: 0.01 })],
  ['Adam amsgrad', (p) => new torch.optim.Adam(p, 0.1, { amsgrad: true })],
  ['AdamW', (p) => new torch.optim.AdamW(p, 0.1)],
  ['Adamax', (p) => new torch.optim.Adamax(p, 0.1)],
  ['NAdam', (p) => new torch.optim.NAdam(p, 0.1)],
  ['RAdam', (p) => new torch.optim.RAdam(p, 0.1)],
  ['Adagrad', (p) => new torch.optim.Adagrad(p, 0.1)],
  ['Adadelta', (p) => new torch.optim.Adadelta(p)],
  ['RMSprop centered', (p) => new torch.optim.RMSprop(p, 0.1, { centered: true, momentum: 0.5 })],
  ['Rprop', (p) => new torch.optim.Rprop(p, 0.1)],
  ['ASGD', (p) => new torch.optim.ASGD(p, 0.1, { t0: 2 })],
];

/** A small least-squares problem: 8 steps of `make` on `device`, returning the parameters. */
async function train(device: torch.Device, make: Make): Promise<number[]> {
  const g = new torch.Generator('cpu').manualSeed(3);
  const x = torch.randn([16, 4], { generator: g }).to(device);
  const y = torch.randn([16, 2], { generator: g }).to(device);
  const w = torch.randn([4, 2], { generator: g }).to(device).requiresGrad_();
  const b = torch.zeros([2]).to(device).requiresGrad_();
  const opt = make([w, b]);
  for (let i = 0; i < 8; i++) {
    opt.zeroGrad();
    x.matmul(w).add(b).sub(y).pow(2).mean().backward();
    opt.step();
  }
  return values([w, b]);
}

describe('optimizers on WebGPU', () => {
  it.each(OPTIMIZERS)('%s: the CPU\'s parameters within float32 tolerance', async (_, make) => {
    const cpu = await train('cpu', make);
    const gpu = await train('webgpu', make);
    expect(gpu.filter((v, i) => !close(v, cpu[i]!))).toEqual([]);
  }, 120_000);

  it('LBFGS with strong Wolfe runs through stepAsync (step refuses) and follows the CPU', async () => {
    const run = async (device: torch.Device) => {
      const a = torch.tensor([[3, 1], [1, 2]], { dtype: 'float32' }).to(device);
      const c = torch.tensor([1, -1], { dtype: 'float32' }).to(device);
      const x = torch.zeros([2]).to(device).requiresGrad_();
      const opt = new torch.optim.LBFGS([x], { maxIter: 5, lineSearchFn: 'strong_wolfe' });
      const closure = () => {
        opt.zeroGrad();
        const loss = x.matmul(a.matmul(x)).mul(0.5).sub(c.dot(x));
        loss.backward();
        return loss;
      };
      if (device === 'webgpu') expect(() => opt.step(closure)).toThrow('use await optimizer.stepAsync(closure)');
      const losses: number[] = [];
      for (let i = 0; i < 3; i++) losses.push(Number(await ((await opt.stepAsync(closure)) as torch.Tensor).item()));
      return { losses, x: await values([x]) };
    };
    const cpu = await run('cpu');
    const gpu = await run('webgpu');
    expect(gpu.losses.filter((v, i) => !close(v, cpu.losses[i]!))).toEqual([]);
    expect(gpu.x.filter((v, i) => !close(v, cpu.x[i]!))).toEqual([]);
    // the minimum of ½xᵀAx − cᵀx is A⁻¹c = (0.6, −0.8)
    expect(gpu.x.map((v) => Math.round(v * 1e4) / 1e4)).toEqual([0.6, -0.8]);
  }, 120_000);
});
