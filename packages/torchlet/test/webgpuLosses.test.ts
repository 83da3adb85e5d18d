// Every loss on WebGPU (Dawn on SwiftShader in Node), against the CPU: each float32 case of the
// PyTorch loss fixtures (every loss and option) runs on both devices, values and input
// gradients compared within float32 tolerance. Class targets are the device's index dtype
// (int64 where the WebGPU backend stores it, int32 before); CTC lengths stay host arrays or CPU
// tensors, and CTC needs int64 on the device (before, it must refuse with the dtype error).

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';
import type { LossCase } from '../../losses/test/fixtureCases.js';
import { DIVERGENT, argsOf, build, callLoss, fixture } from '../../losses/test/fixtureCases.js';

/** Whether the WebGPU backend stores int64 (set once it is registered). */
let INT64 = false;

beforeAll(async () => {
  torch.registerBackend(await webgpu());
  INT64 = torch.getBackend('webgpu').dtypes.has('int64');
});

const RTOL = 1.3e-6;
const ATOL = 1e-5;

/** What differs between a WebGPU result and the CPU's ('' when they agree). */
async function differs(gpu: torch.Tensor, cpu: torch.Tensor): Promise<string> {
  if (gpu.device !== 'webgpu') return `on ${gpu.device}`;
  if (gpu.shape.join() !== cpu.shape.join()) return `shape [${gpu.shape}] vs [${cpu.shape}]`;
  const a = Array.from((await gpu.data()) as Float32Array, Number);
  const b = Array.from(cpu.contiguous().dataSync() as Float32Array, Number);
  const bad = a.findIndex((v, i) => {
    const e = b[i]!;
    if (Number.isNaN(e)) return !Number.isNaN(v);
    if (!Number.isFinite(e)) return v !== e;
    return !(Math.abs(v - e) <= ATOL + RTOL * Math.abs(e));
  });
  return bad === -1 ? '' : `[${bad}] webgpu ${a[bad]}, cpu ${b[bad]}`;
}

/** The cases that run on any device: float32, no expected error or warning, no float64 part. */
function onDevice(c: LossCase): boolean {
  if ('error' in c.expected || c.warnings.length > 0 || c.name in DIVERGENT) return false;
  const specs = [...c.inputs, ...Object.values(c.kwargs)];
  return !specs.some((s) => typeof s === 'object' && s !== null && 'dtype' in s && s.dtype === 'float64');
}

/** A CPU tensor moved as a case's argument: floats as they are, class indices in the device's index dtype. */
function toDevice(t: torch.Tensor, isLength: boolean): torch.Tensor {
  if (isLength) return t;
  if (t.isFloatingPoint() || t.dtype === 'bool') return t.to('webgpu');
  return t.to(INT64 ? 'int64' : 'int32').to('webgpu');
}

const cases = fixture.cases.filter(onDevice);
const byFn = new Map<string, LossCase[]>();
for (const c of cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);

describe('losses on WebGPU agree with the CPU', () => {
  it('runs every loss', () => {
    expect(byFn.size).toBe(21);
  });
  for (const [fn, group] of byFn) {
    describe(fn, () => {
      for (const c of group) {
        it(c.name, async () => {
          const lengths = c.fn === 'ctcLoss' ? [2, 3] : [];
          const cpuArgs = argsOf(c, (t, i) => (i !== null && c.grad.includes(i) ? t.requiresGrad_(true) : t));
          const gpuArgs = argsOf(c, (t, i) => {
            const moved = toDevice(t, i !== null && lengths.includes(i));
            return i !== null && c.grad.includes(i) ? moved.requiresGrad_(true) : moved;
          });
          const ref = callLoss(c, cpuArgs);
          if (c.fn === 'ctcLoss' && !INT64) {
            // the lattice gathers by int64 state labels: a device without int64 says so
            expect(() => callLoss(c, gpuArgs)).toThrow("dtype int64 is not supported on device 'webgpu'");
            return;
          }
          const out = callLoss(c, gpuArgs);
          expect(await differs(out, ref), 'value').toBe('');
          if (c.grad.length === 0) return;
          const go = build(c.grad_output!);
          const refGrads = torch.autograd.grad(ref, c.grad.map((i) => cpuArgs[i] as torch.Tensor), { gradOutputs: go, allowUnused: true });
          const grads = torch.autograd.grad(out, c.grad.map((i) => gpuArgs[i] as torch.Tensor), { gradOutputs: go.to('webgpu'), allowUnused: true });
          for (let k = 0; k < c.grad.length; k++) {
            if (refGrads[k] === null) expect(grads[k]).toBeNull();
            else expect(await differs(grads[k]!, refGrads[k]!), `gradient of input ${c.grad[k]}`).toBe('');
          }
        });
      }
    });
  }
});

describe('bad values on WebGPU', () => {
  // the device cannot be read synchronously, so PyTorch's up-front checks cannot run there (as on
  // CUDA, where they are device-side asserts): the losses of the bad entries come out NaN instead
  const classes = (values: number[]) => torch.tensor(values).to(INT64 ? 'int64' : 'int32').to('webgpu');
  const logits = () => torch.tensor([[0.1, 0.2, 0.3], [1, -1, 0]], { dtype: 'float32' }).to('webgpu');

  it('a class target out of bounds makes its loss NaN', async () => {
    const loss = torch.nn.F.crossEntropy(logits(), classes([1, 7]), { reduction: 'none' });
    const [ok, bad] = Array.from((await loss.data()) as Float32Array);
    expect(ok).toBeCloseTo(1.1019, 4);
    expect(bad).toBeNaN();
    expect(await torch.nn.F.multiMarginLoss(logits(), classes([1, -2])).item()).toBeNaN();
    expect(await torch.nn.F.multilabelMarginLoss(logits(), classes([0, -1, 2, 5, 0, -1]).view(2, 3)).item()).toBeNaN();
  });

  it('an ignored index is not out of bounds', async () => {
    const loss = torch.nn.F.crossEntropy(logits(), classes([1, -100]));
    expect(await loss.item()).toBeCloseTo(1.1019, 4);
  });

  it('BCE inputs outside [0, 1] and negative variances give NaN', async () => {
    const p = torch.tensor([0.5, 1.5], { dtype: 'float32' }).to('webgpu');
    const y = torch.tensor([1, 0], { dtype: 'float32' }).to('webgpu');
    const bce = Array.from((await torch.nn.F.binaryCrossEntropy(p, y, { reduction: 'none' }).data()) as Float32Array);
    expect(bce[0]).toBeCloseTo(Math.LN2, 6);
    expect(bce[1]).toBeNaN();
    const v = torch.tensor([1, -1], { dtype: 'float32' }).to('webgpu');
    const g = Array.from((await torch.nn.F.gaussianNllLoss(y, y, v, { reduction: 'none' }).data()) as Float32Array);
    expect(g[0]).toBe(0);
    expect(g[1]).toBeNaN();
  });

  it('CTC lengths on the device are refused: they are read on the host', () => {
    const lp = torch.zeros([3, 1, 3], { dtype: 'float32' }).logSoftmax(2).to('webgpu');
    const targets = torch.tensor([[1]]).to('webgpu');
    expect(() => torch.nn.F.ctcLoss(lp, targets, torch.tensor([3]).to('webgpu'), [1])).toThrow(
      "ctc_loss reads input_lengths on the host: pass an array or a CPU tensor (device 'webgpu' cannot be read synchronously)",
    );
  });
});
