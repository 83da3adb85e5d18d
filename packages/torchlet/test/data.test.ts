// torch.utils.data, torch.datasets and torch.transforms through the umbrella package.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

describe('torch.utils.data / torch.datasets / torch.transforms', () => {
  // PyTorch's exact orders are checked in @torchlet/data's tests; here, the umbrella's wiring
  it('loads shuffled batches of a TensorDataset, reproducibly from the seed', async () => {
    const { DataLoader, TensorDataset } = torch.utils.data;
    const ds = new TensorDataset(torch.arange(10), torch.arange(10).mul(2));
    const epoch = async (): Promise<number[][]> => {
      torch.manualSeed(0);
      const batches: number[][] = [];
      for await (const [x, y] of new DataLoader(ds, { batchSize: 4, shuffle: true })) {
        expect(y.tolistSync()).toEqual((x.tolistSync() as number[]).map((v) => v * 2));
        batches.push(x.tolistSync() as number[]);
      }
      return batches;
    };
    const first = await epoch();
    expect(first.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(first.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i));
    expect(await epoch()).toEqual(first);
  });

  it.runIf(existsSync('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz'))('reads Fashion-MNIST through a transform pipeline', () => {
    const { Compose, Normalize, ToTensor } = torch.transforms;
    const ds = new torch.datasets.FashionMNIST('data', { train: false, transform: new Compose([new ToTensor(), new Normalize([0.286], [0.353])]) });
    const [img, label] = ds.get(0);
    expect(img.shape).toEqual([1, 28, 28]);
    expect(typeof label).toBe('number');
  });
});
