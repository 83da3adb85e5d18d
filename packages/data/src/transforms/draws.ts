// The draws torchvision's random transforms make, from torch's default generator.

import { empty, rand, randint, randperm } from '@torchlet/tensor';

/** `torch.randint(low, high, size=(1,)).item()`. @example drawInt(0, 5) */
export function drawInt(low: number, high: number): number {
  return randint(low, high, [1]).itemSync() as number;
}

/** `float(torch.empty(1).uniform_(a, b).item())`: a float32 sample, as a double. @example drawUniform(-30, 30) */
export function drawUniform(a: number, b: number): number {
  return empty(1).uniform_(a, b).itemSync() as number;
}

/** `torch.rand(1) < p` (the comparison is made in float32). @example if (coin(0.5)) img = img.flip(-1); */
export function coin(p: number): boolean {
  return (rand(1).itemSync() as number) < Math.fround(p);
}

/** `torch.randperm(n).tolist()`. @example order(4) */
export function order(n: number): number[] {
  return (randperm(n).tolistSync() as number[]).map(Number);
}
