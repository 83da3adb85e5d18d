// Fans and gains of nn.init: torch.nn.init._calculate_fan_in_and_fan_out and calculate_gain.

import type { Tensor } from '@torchlet/tensor';
import { ValueError, signature } from '@torchlet/tensor';

const CALCULATE_GAIN = signature<{ '': { nonlinearity: string; param: unknown } }>('calculate_gain(str nonlinearity, Any? param=None)');

/**
 * `_calculate_fan_in_and_fan_out(tensor)`: [fan_in, fan_out] of a weight (dims 1 and 0 times the receptive field).
 * @example calculateFanInAndFanOut(torch.empty(4, 3, 5, 5)) // [75, 100]
 */
export function calculateFanInAndFanOut(tensor: Tensor): [number, number] {
  if (tensor.ndim < 2) throw new ValueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  let receptive = 1;
  for (const s of tensor.shape.slice(2)) receptive *= s;
  return [tensor.shape[1]! * receptive, tensor.shape[0]! * receptive];
}

/** `_calculate_correct_fan(tensor, mode)`. @example calculateCorrectFan(torch.empty(4, 3), 'fan_out') // 4 */
export function calculateCorrectFan(tensor: Tensor, mode: string): number {
  const m = mode.toLowerCase();
  if (m !== 'fan_in' && m !== 'fan_out') throw new ValueError(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  const [fanIn, fanOut] = calculateFanInAndFanOut(tensor);
  return m === 'fan_in' ? fanIn : fanOut;
}

const LINEAR_FNS = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv_transpose1d', 'conv_transpose2d', 'conv_transpose3d'];

/**
 * `nn.init.calculate_gain(nonlinearity, param=None)`: the recommended gain of a nonlinearity.
 * @example nn.init.calculateGain('relu') // 1.4142135623730951
 */
export function calculateGain(...args: [nonlinearity: string, param?: number | null] | [opts: { nonlinearity: string; param?: number | null }]): number {
  const { nonlinearity, param } = CALCULATE_GAIN.parse(args);
  if (LINEAR_FNS.includes(nonlinearity) || nonlinearity === 'sigmoid') return 1;
  if (nonlinearity === 'tanh') return 5.0 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2.0);
  if (nonlinearity === 'leaky_relu') {
    if (param !== null && typeof param !== 'number') throw new ValueError(`negative_slope ${String(param)} not a valid number`);
    const slope = param === null ? 0.01 : param;
    return Math.sqrt(2.0 / (1 + slope * slope));
  }
  if (nonlinearity === 'selu') return 3.0 / 4;
  throw new ValueError(`Unsupported nonlinearity ${nonlinearity}`);
}
