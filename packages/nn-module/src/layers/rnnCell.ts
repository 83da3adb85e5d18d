// nn.RNNCell, nn.LSTMCell, nn.GRUCell: one step of the recurrence (functional/rnn.ts's cellStep).

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { AssertionError, RuntimeError, signature, zeros } from '@torchlet/tensor';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { linear } from '../functional/linear.js';
import type { RnnMode } from '../functional/rnn.js';
import { cellStep } from '../functional/rnn.js';
import { uniform_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';

interface CellArgs extends FactoryOptions {
  inputSize: number;
  hiddenSize: number;
  bias: boolean;
  nonlinearity: string;
}
type CellPositional = [inputSize: number, hiddenSize: number, bias: boolean, device: Device | null, dtype: DType | null];
const RNN_CELL = signature<{ '': Required<CellArgs> }>('RNNCell(int input_size, int hidden_size, bool bias=True, str nonlinearity="tanh", Device? device=None, ScalarType? dtype=None)');
const LSTM_CELL = signature<{ '': Omit<Required<CellArgs>, 'nonlinearity'> }>('LSTMCell(int input_size, int hidden_size, bool bias=True, Device? device=None, ScalarType? dtype=None)');
const GRU_CELL = signature<{ '': Omit<Required<CellArgs>, 'nonlinearity'> }>('GRUCell(int input_size, int hidden_size, bool bias=True, Device? device=None, ScalarType? dtype=None)');

/** `RNNCellBase`: weight_ih, weight_hh, bias_ih, bias_hh ~ U(±1/√hidden_size). */
export class RNNCellBase extends Module {
  declare inputSize: number;
  declare hiddenSize: number;
  declare bias: boolean;
  declare weight_ih: Parameter;
  declare weight_hh: Parameter;
  declare bias_ih: Parameter | null;
  declare bias_hh: Parameter | null;
  constructor(a: Omit<Required<CellArgs>, 'nonlinearity'>, chunks: number) {
    super();
    this.inputSize = a.inputSize;
    this.hiddenSize = a.hiddenSize;
    this.bias = a.bias;
    this.weight_ih = new Parameter(factoryEmpty([chunks * a.hiddenSize, a.inputSize], a));
    this.weight_hh = new Parameter(factoryEmpty([chunks * a.hiddenSize, a.hiddenSize], a));
    if (a.bias) {
      this.bias_ih = new Parameter(factoryEmpty([chunks * a.hiddenSize], a));
      this.bias_hh = new Parameter(factoryEmpty([chunks * a.hiddenSize], a));
    } else {
      this.registerParameter('bias_ih', null);
      this.registerParameter('bias_hh', null);
    }
    this.resetParameters();
  }
  /** `reset_parameters()`. @example cell.resetParameters() */
  resetParameters(): void {
    const stdv = this.hiddenSize > 0 ? 1.0 / Math.sqrt(this.hiddenSize) : 0;
    for (const w of this.parameters()) uniform_(w, -stdv, stdv);
  }
  /** One step of `mode` on [B, I] (or [I]) input. */
  protected step(mode: RnnMode, input: Tensor, h: Tensor | null, c: Tensor | null): [Tensor, Tensor | null] {
    if (input.ndim !== 1 && input.ndim !== 2) {
      throw new AssertionError(`${this._getName()}: Expected input to be 1-D or 2-D but received ${input.ndim}-D tensor`);
    }
    const batched = input.ndim === 2;
    const x = batched ? input : input.unsqueeze(0);
    const hz = (t: Tensor | null): Tensor => (t === null ? zeros([x.shape[0]!, this.hiddenSize], { dtype: x.dtype, device: x.device }) : batched ? t : t.unsqueeze(0));
    const w = { wIh: this.weight_ih, wHh: this.weight_hh, bIh: this.bias_ih, bHh: this.bias_hh, wHr: null };
    const r = cellStep(mode, linear(x, w.wIh, w.bIh), { h: hz(h), c: mode === 'LSTM' ? hz(c) : null }, w);
    return batched ? [r.h, r.c] : [r.h.squeeze(0), r.c?.squeeze(0) ?? null];
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.bias !== true) s += `, bias=${pyRepr(this.bias)}`;
    const nl = (this as { nonlinearity?: string }).nonlinearity;
    if (nl !== undefined && nl !== 'tanh') s += `, nonlinearity=${nl}`;
    return s;
  }
}

/** `nn.RNNCell(input_size, hidden_size, bias=True, nonlinearity='tanh')`: h' = tanh(x W_ihᵀ + b_ih + h W_hhᵀ + b_hh). @example new nn.RNNCell(4, 8).call(torch.randn(3, 4)).shape // [3, 8] */
export class RNNCell extends RNNCellBase {
  declare nonlinearity: 'tanh' | 'relu';
  constructor(...args: Args<[inputSize: number, hiddenSize: number, bias: boolean, nonlinearity: 'tanh' | 'relu', device: Device | null, dtype: DType | null], Partial<CellArgs>>) {
    const a = RNN_CELL.parse(args);
    super(a, 1);
    this.nonlinearity = a.nonlinearity as 'tanh' | 'relu';
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor, hx: Tensor | null = null): Tensor {
    if (this.nonlinearity !== 'tanh' && this.nonlinearity !== 'relu') throw new RuntimeError(`Unknown nonlinearity: ${String(this.nonlinearity)}`);
    return this.step(this.nonlinearity === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', input, hx, null)[0];
  }
}

/** `nn.LSTMCell(input_size, hidden_size, bias=True)`: `forward(input, [h, c]=None)` → `[h', c']`. @example new nn.LSTMCell(4, 8).call(torch.randn(3, 4))[1].shape // [3, 8] */
export class LSTMCell extends RNNCellBase {
  constructor(...args: Args<CellPositional, Partial<Omit<CellArgs, 'nonlinearity'>>>) {
    super(LSTM_CELL.parse(args), 4);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor, hx: readonly [Tensor, Tensor] | null = null): [Tensor, Tensor] {
    const [h, c] = this.step('LSTM', input, hx?.[0] ?? null, hx?.[1] ?? null);
    return [h, c!];
  }
}

/** `nn.GRUCell(input_size, hidden_size, bias=True)`. @example new nn.GRUCell(4, 8).call(torch.randn(3, 4)).shape // [3, 8] */
export class GRUCell extends RNNCellBase {
  constructor(...args: Args<CellPositional, Partial<Omit<CellArgs, 'nonlinearity'>>>) {
    super(GRU_CELL.parse(args), 3);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor, hx: Tensor | null = null): Tensor {
    return this.step('GRU', input, hx, null)[0];
  }
}
