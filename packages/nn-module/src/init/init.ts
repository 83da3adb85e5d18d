// torch.nn.init: in-place initialisers, each drawing from the generator exactly as PyTorch does,
// so that the same seed gives PyTorch's values (on the CPU, bit for bit where PyTorch's only
// float arithmetic is in float64).

import type { Tensor } from '@torchlet/tensor';
import { ValueError, eye, randperm, signature, tensor as makeTensor } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import { calculateCorrectFan, calculateFanInAndFanOut, calculateGain } from './fan.js';
import { orthonormalColumns } from './qr.js';

const UNIFORM = signature<{ '': { tensor: Tensor; a: number; b: number } }>('uniform_(Tensor tensor, float a=0.0, float b=1.0)');
const NORMAL = signature<{ '': { tensor: Tensor; mean: number; std: number } }>('normal_(Tensor tensor, float mean=0.0, float std=1.0)');
const TRUNC_NORMAL = signature<{ '': { tensor: Tensor; mean: number; std: number; a: number; b: number } }>(
  'trunc_normal_(Tensor tensor, float mean=0.0, float std=1.0, float a=-2.0, float b=2.0)',
);
const CONSTANT = signature<{ '': { tensor: Tensor; val: number } }>('constant_(Tensor tensor, float val)');
const DIRAC = signature<{ '': { tensor: Tensor; groups: number } }>('dirac_(Tensor tensor, int groups=1)');
const XAVIER_UNIFORM = signature<{ '': { tensor: Tensor; gain: number } }>('xavier_uniform_(Tensor tensor, float gain=1.0)');
const XAVIER_NORMAL = signature<{ '': { tensor: Tensor; gain: number } }>('xavier_normal_(Tensor tensor, float gain=1.0)');
type KaimingArgs = { '': { tensor: Tensor; a: number; mode: string; nonlinearity: string } };
const KAIMING_UNIFORM = signature<KaimingArgs>('kaiming_uniform_(Tensor tensor, float a=0, str mode="fan_in", str nonlinearity="leaky_relu")');
const KAIMING_NORMAL = signature<KaimingArgs>('kaiming_normal_(Tensor tensor, float a=0, str mode="fan_in", str nonlinearity="leaky_relu")');
const ORTHOGONAL = signature<{ '': { tensor: Tensor; gain: number } }>('orthogonal_(Tensor tensor, float gain=1)');
const SPARSE = signature<{ '': { tensor: Tensor; sparsity: number; std: number } }>('sparse_(Tensor tensor, float sparsity, float std=0.01)');

/** `nn.init.uniform_(tensor, a=0, b=1)`: U(a, b). @example nn.init.uniform_(w, -0.1, 0.1) */
export function uniform_(tensor: Tensor, ...rest: [a?: number, b?: number] | [opts: { a?: number; b?: number }]): Tensor {
  const { a, b } = UNIFORM.parse([tensor, ...rest]);
  return noGrad(() => tensor.uniform_(a, b));
}

/** `nn.init.normal_(tensor, mean=0, std=1)`: N(mean, std²). @example nn.init.normal_(w, 0, 0.02) */
export function normal_(tensor: Tensor, ...rest: [mean?: number, std?: number] | [opts: { mean?: number; std?: number }]): Tensor {
  const { mean, std } = NORMAL.parse([tensor, ...rest]);
  return noGrad(() => tensor.normal_(mean, std));
}

/** Φ(x) of the standard normal, computed on the CPU in float64 (JavaScript has no erf). */
function normCdf(xs: number[]): number[] {
  const e = makeTensor(xs.map((x) => x / Math.sqrt(2)), { dtype: 'float64', device: 'cpu' }).erf().tolistSync() as number[];
  return e.map((v) => (1 + v) / 2);
}

/**
 * `nn.init.trunc_normal_(tensor, mean=0, std=1, a=-2, b=2)`: N(mean, std²) truncated to [a, b]
 * (inverse-CDF sampling, as PyTorch).
 * @example nn.init.truncNormal_(w, 0, 0.02)
 */
export function truncNormal_(tensor: Tensor, ...rest: [mean?: number, std?: number, a?: number, b?: number] | [opts: { mean?: number; std?: number; a?: number; b?: number }]): Tensor {
  const { mean, std, a, b } = TRUNC_NORMAL.parse([tensor, ...rest]);
  if (mean < a - 2 * std || mean > b + 2 * std) {
    console.warn('mean is more than 2 std from [a, b] in nn.init.trunc_normal_. The distribution of values may be incorrect.');
  }
  const [l, u] = normCdf([(a - mean) / std, (b - mean) / std]) as [number, number];
  return noGrad(() => {
    tensor.uniform_(2 * l - 1, 2 * u - 1);
    tensor.erfinv_();
    tensor.mul_(std * Math.sqrt(2));
    tensor.add_(mean);
    return tensor.clamp_(a, b);
  });
}

/** `nn.init.constant_(tensor, val)`. @example nn.init.constant_(b, 0.1) */
export function constant_(tensor: Tensor, ...rest: [val: number] | [opts: { val: number }]): Tensor {
  const { val } = CONSTANT.parse([tensor, ...rest]);
  return noGrad(() => tensor.fill_(val));
}

/** `nn.init.ones_(tensor)`. @example nn.init.ones_(bn.weight) */
export function ones_(tensor: Tensor): Tensor {
  return noGrad(() => tensor.fill_(1));
}

/** `nn.init.zeros_(tensor)`. @example nn.init.zeros_(fc.bias) */
export function zeros_(tensor: Tensor): Tensor {
  return noGrad(() => tensor.zero_());
}

/** `nn.init.eye_(tensor)`: the identity matrix (2-D only). @example nn.init.eye_(torch.empty(3, 5)) */
export function eye_(tensor: Tensor): Tensor {
  if (tensor.ndim !== 2) throw new ValueError('Only tensors with 2 dimensions are supported');
  return noGrad(() => tensor.copy_(eye(tensor.shape[0]!, tensor.shape[1]!, { dtype: tensor.dtype, device: tensor.device })));
}

/** `nn.init.dirac_(tensor, groups=1)`: the identity of a convolution (3-, 4- or 5-D). @example nn.init.dirac_(conv.weight) */
export function dirac_(tensor: Tensor, ...rest: [groups?: number] | [opts: { groups?: number }]): Tensor {
  const { groups } = DIRAC.parse([tensor, ...rest]);
  const d = tensor.ndim;
  if (d < 3 || d > 5) throw new ValueError('Only tensors with 3, 4, or 5 dimensions are supported');
  const sizes = tensor.shape;
  if (sizes[0]! % groups !== 0) throw new ValueError('dim 0 must be divisible by groups');
  const perGroup = sizes[0]! / groups;
  const minDim = Math.min(perGroup, sizes[1]!);
  const centre = sizes.slice(2).map((s) => Math.floor(s / 2));
  return noGrad(() => {
    tensor.zero_();
    for (let g = 0; g < groups; g++) for (let k = 0; k < minDim; k++) tensor.setAt([g * perGroup + k, k, ...centre], 1);
    return tensor;
  });
}

/** `nn.init.xavier_uniform_(tensor, gain=1)`: Glorot's U(-a, a), a = gain·√(6 / (fan_in + fan_out)). @example nn.init.xavierUniform_(w) */
export function xavierUniform_(tensor: Tensor, ...rest: [gain?: number] | [opts: { gain?: number }]): Tensor {
  const { gain } = XAVIER_UNIFORM.parse([tensor, ...rest]);
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return noGrad(() => tensor.uniform_(-a, a));
}

/** `nn.init.xavier_normal_(tensor, gain=1)`: Glorot's N(0, gain²·2 / (fan_in + fan_out)). @example nn.init.xavierNormal_(w) */
export function xavierNormal_(tensor: Tensor, ...rest: [gain?: number] | [opts: { gain?: number }]): Tensor {
  const { gain } = XAVIER_NORMAL.parse([tensor, ...rest]);
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return noGrad(() => tensor.normal_(0, std));
}

type KaimingRest = [a?: number, mode?: 'fan_in' | 'fan_out', nonlinearity?: string] | [opts: { a?: number; mode?: 'fan_in' | 'fan_out'; nonlinearity?: string }];

/** The std of He initialisation, or null for a tensor without elements (a no-op, with PyTorch's warning). */
function kaimingStd(sig: typeof KAIMING_UNIFORM, tensor: Tensor, rest: KaimingRest): number | null {
  const { a, mode, nonlinearity } = sig.parse([tensor, ...rest]);
  if (tensor.shape.includes(0)) {
    console.warn('Initializing zero-element tensors is a no-op');
    return null;
  }
  const fan = calculateCorrectFan(tensor, mode);
  return calculateGain(nonlinearity, a) / Math.sqrt(fan);
}

/**
 * `nn.init.kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')`: He's
 * U(-bound, bound), bound = √3 · gain / √fan (what Linear and Conv use, with a = √5).
 * @example nn.init.kaimingUniform_(w, { a: Math.sqrt(5) })
 */
export function kaimingUniform_(tensor: Tensor, ...rest: KaimingRest): Tensor {
  const std = kaimingStd(KAIMING_UNIFORM, tensor, rest);
  if (std === null) return tensor;
  const bound = Math.sqrt(3.0) * std;
  return noGrad(() => tensor.uniform_(-bound, bound));
}

/** `nn.init.kaiming_normal_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu')`: He's N(0, std²). @example nn.init.kaimingNormal_(w, { mode: 'fan_out', nonlinearity: 'relu' }) */
export function kaimingNormal_(tensor: Tensor, ...rest: KaimingRest): Tensor {
  const std = kaimingStd(KAIMING_NORMAL, tensor, rest);
  if (std === null) return tensor;
  return noGrad(() => tensor.normal_(0, std));
}

/**
 * `nn.init.orthogonal_(tensor, gain=1)`: a (semi-)orthogonal matrix from the QR decomposition of
 * a normal sample (reads values: a CPU tensor).
 * @example nn.init.orthogonal_(rnn.weight_hh_l0)
 */
export function orthogonal_(tensor: Tensor, ...rest: [gain?: number] | [opts: { gain?: number }]): Tensor {
  const { gain } = ORTHOGONAL.parse([tensor, ...rest]);
  if (tensor.ndim < 2) throw new ValueError('Only tensors with 2 or more dimensions are supported');
  if (tensor.numel() === 0) return tensor;
  const rows = tensor.shape[0]!;
  const cols = tensor.numel() / rows;
  return noGrad(() => {
    let flat = tensor.newEmpty([rows, cols]).normal_(0, 1);
    if (rows < cols) flat = flat.t();
    const [m, n] = flat.shape as [number, number];
    const q = orthonormalColumns(flat.contiguous().dataSync() as ArrayLike<number>, m, n);
    let qt = makeTensor(q, { dtype: 'float64' }).reshape(m, n).to({ device: tensor.device, dtype: tensor.dtype });
    if (rows < cols) qt = qt.t();
    tensor.viewAs(qt).copy_(qt);
    return tensor.mul_(gain);
  });
}

/**
 * `nn.init.sparse_(tensor, sparsity, std=0.01)`: N(0, std²) with a fraction `sparsity` of each
 * column set to zero (2-D only).
 * @example nn.init.sparse_(w, 0.1)
 */
export function sparse_(tensor: Tensor, ...rest: [sparsity: number, std?: number] | [opts: { sparsity: number; std?: number }]): Tensor {
  const { sparsity, std } = SPARSE.parse([tensor, ...rest]);
  if (tensor.ndim !== 2) throw new ValueError('Only tensors with 2 dimensions are supported');
  const [rows, cols] = tensor.shape as [number, number];
  const numZeros = Math.ceil(sparsity * rows);
  return noGrad(() => {
    tensor.normal_(0, std);
    for (let c = 0; c < cols; c++) {
      const zeroIndices = randperm(rows).at([0, numZeros]);
      tensor.setAt([zeroIndices, c], 0);
    }
    return tensor;
  });
}
