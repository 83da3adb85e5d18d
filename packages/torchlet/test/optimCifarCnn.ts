// The CIFAR-10 tutorial CNN of tools/fixtures/cifar_cnn.py, written with tensor-level ops and
// trained with torch.optim.SGD(momentum): the seed loop zeroGrad → loss → backward → step.
import * as torch from 'torchlet';
import type { ResultSpec } from './fixtureTools.js';
import { decode, loadFixture } from './fixtureTools.js';

export interface CnnFixture {
  weights: Record<string, ResultSpec>;
  batch: number;
  batches: number;
  data_seed: number;
  data_check: { sum: number; first: number[]; labels: number[] }[];
  lr: number;
  momentum: number;
  steps: number;
  losses: number[];
  final: Record<string, ResultSpec>;
}
export const fx = loadFixture<CnnFixture>('cifar_cnn.json');

/** Parameter names in the network's (state dict) order. */
export const NAMES = ['conv1.weight', 'conv1.bias', 'conv2.weight', 'conv2.bias', 'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias', 'fc3.weight', 'fc3.bias'];

/** The batches, drawn as the generator draws them (torchlet's CPU generator is PyTorch's). */
export function batches(): { images: torch.Tensor; labels: torch.Tensor }[] {
  const g = new torch.Generator('cpu').manualSeed(fx.data_seed);
  return Array.from({ length: fx.batches }, () => {
    const images = torch.randn([fx.batch, 3, 32, 32], { generator: g });
    const labels = torch.randint(0, 10, [fx.batch], { generator: g });
    return { images, labels };
  });
}

/** PyTorch's initial weights, on `device`, as leaves. */
export function weights(device: torch.Device): torch.Tensor[] {
  return NAMES.map((n) => {
    const w = fx.weights[n]!;
    return torch.tensor(w.values.map((v) => Number(decode(v))), { dtype: 'float32' }).reshape(w.shape).to(device).requiresGrad_();
  });
}

/** The tutorial's forward pass: two conv-relu-pool stages, three linear layers. */
export function forward(p: readonly torch.Tensor[], x: torch.Tensor): torch.Tensor {
  const [c1w, c1b, c2w, c2b, f1w, f1b, f2w, f2b, f3w, f3b] = p as [torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor];
  let h = torch.maxPool2d(torch.conv2d(x, c1w, c1b).relu(), 2);
  h = torch.maxPool2d(torch.conv2d(h, c2w, c2b).relu(), 2).flatten(1);
  h = h.matmul(f1w.t()).add(f1b).relu();
  h = h.matmul(f2w.t()).add(f2b).relu();
  return h.matmul(f3w.t()).add(f3b);
}

/**
 * Trains `fx.steps` steps on `device`; the loss is the NLL of logSoftmax through `gather`
 * with int64 labels, or (`oneHot`, for a device without int64) through a one-hot product.
 */
export async function train(device: torch.Device, oneHot: boolean): Promise<{ losses: number[]; params: torch.Tensor[] }> {
  const params = weights(device);
  const data = batches().map(({ images, labels }) => ({
    images: images.to(device),
    target: oneHot ? torch.zeros([fx.batch, 10]).scatter_(1, labels.unsqueeze(1), 1).to(device) : labels.to(device),
  }));
  const opt = new torch.optim.SGD(params, fx.lr, { momentum: fx.momentum });
  const losses: torch.Tensor[] = [];
  for (let i = 0; i < fx.steps; i++) {
    const { images, target } = data[i % fx.batches]!;
    opt.zeroGrad();
    const logp = forward(params, images).logSoftmax(1);
    const loss = (oneHot ? logp.mul(target).sum(1) : logp.gather(1, target.unsqueeze(1))).mean().neg();
    loss.backward();
    opt.step();
    losses.push(loss.detach());
  }
  return { losses: await Promise.all(losses.map(async (l) => Number(await l.item()))), params };
}
