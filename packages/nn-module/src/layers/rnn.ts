// nn.RNN, nn.LSTM, nn.GRU: PyTorch's RNNBase (parameter names weight_ih_l0, …_reverse, init,
// checks, repr) over the recurrence of functional/rnn.ts. PackedSequence inputs are not supported.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { NotImplementedError, RuntimeError, ValueError, isTensor, signature, zeros } from '@torchlet/tensor';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import type { CellWeights, RnnMode } from '../functional/rnn.js';
import { runRnn } from '../functional/rnn.js';
import { uniform_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';

interface RnnArgs extends FactoryOptions {
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bias: boolean;
  batchFirst: boolean;
  dropout: number;
  bidirectional: boolean;
  projSize: number;
  nonlinearity: string;
}
/** Options of `nn.RNN`, `nn.LSTM`, `nn.GRU`. */
export type RnnOptions = Partial<Omit<RnnArgs, 'projSize' | 'nonlinearity'>>;
type RnnPositional = [inputSize: number, hiddenSize: number, numLayers: number, bias: boolean, batchFirst: boolean, dropout: number, bidirectional: boolean];
const HEAD = 'int input_size, int hidden_size, int num_layers=1, bool bias=True, bool batch_first=False, float dropout=0.0, bool bidirectional=False';
const RNN_ARGS = signature<{ '': Required<RnnArgs> }>(`RNN(${HEAD}, *, str nonlinearity="tanh", int proj_size=0, Device? device=None, ScalarType? dtype=None)`);
const LSTM_ARGS = signature<{ '': Omit<Required<RnnArgs>, 'nonlinearity'> }>(`LSTM(${HEAD}, int proj_size=0, Device? device=None, ScalarType? dtype=None)`);
const GRU_ARGS = signature<{ '': Omit<Required<RnnArgs>, 'nonlinearity'> }>(`GRU(${HEAD}, *, int proj_size=0, Device? device=None, ScalarType? dtype=None)`);

const GATES: Record<RnnMode, number> = { LSTM: 4, GRU: 3, RNN_TANH: 1, RNN_RELU: 1 };

/** `RNNBase`: the stacked, optionally bidirectional recurrence and its parameters. */
export class RNNBase extends Module {
  declare mode: RnnMode;
  declare inputSize: number;
  declare hiddenSize: number;
  declare numLayers: number;
  declare bias: boolean;
  declare batchFirst: boolean;
  declare dropout: number;
  declare bidirectional: boolean;
  declare projSize: number;
  /** The parameter names per layer and direction, as PyTorch's `_all_weights`. */
  declare _allWeights: string[][];

  constructor(mode: RnnMode, a: Omit<Required<RnnArgs>, 'nonlinearity'>) {
    super();
    this.mode = mode;
    this.inputSize = a.inputSize;
    this.hiddenSize = a.hiddenSize;
    this.numLayers = a.numLayers;
    this.bias = a.bias;
    this.batchFirst = a.batchFirst;
    this.dropout = a.dropout;
    this.bidirectional = a.bidirectional;
    this.projSize = a.projSize;
    if (!(a.dropout >= 0 && a.dropout <= 1)) throw new ValueError('dropout should be a number in range [0, 1] representing the probability of an element being zeroed');
    if (a.dropout > 0 && a.numLayers === 1) {
      console.warn(`dropout option adds dropout after all but last recurrent layer, so non-zero dropout expects num_layers greater than 1, but got dropout=${a.dropout} and num_layers=${a.numLayers}`);
    }
    if (a.projSize < 0) throw new ValueError('proj_size should be a positive integer or zero to disable projections');
    if (a.projSize >= a.hiddenSize) throw new ValueError('proj_size has to be smaller than hidden_size');
    const gate = GATES[mode] * a.hiddenSize;
    const dirs = a.bidirectional ? 2 : 1;
    const real = a.projSize > 0 ? a.projSize : a.hiddenSize;
    this._allWeights = [];
    for (let layer = 0; layer < a.numLayers; layer++) {
      for (let d = 0; d < dirs; d++) {
        const layerInput = layer === 0 ? a.inputSize : real * dirs;
        const suffix = `_l${layer}${d === 1 ? '_reverse' : ''}`;
        const params: [string, number[]][] = [[`weight_ih${suffix}`, [gate, layerInput]], [`weight_hh${suffix}`, [gate, real]]];
        if (a.bias) params.push([`bias_ih${suffix}`, [gate]], [`bias_hh${suffix}`, [gate]]);
        if (a.projSize > 0) params.push([`weight_hr${suffix}`, [a.projSize, a.hiddenSize]]);
        for (const [name, shape] of params) this.registerParameter(name, new Parameter(factoryEmpty(shape, a)));
        this._allWeights.push(params.map(([n]) => n));
      }
    }
    this.resetParameters();
  }
  /** `reset_parameters()`: every parameter ~ U(±1/√hidden_size), in registration order. @example lstm.resetParameters() */
  resetParameters(): void {
    const stdv = this.hiddenSize > 0 ? 1.0 / Math.sqrt(this.hiddenSize) : 0;
    for (const w of this.parameters()) uniform_(w, -stdv, stdv);
  }
  /** `all_weights`: the parameters per layer and direction. @example lstm.allWeights[0][0] === lstm.weight_ih_l0 */
  get allWeights(): Parameter[][] {
    return this._allWeights.map((names) => names.map((n) => this._parameters.get(n)!));
  }
  /** The weights of layer-direction `k` (`l·D + d`). */
  protected cellWeights(k: number): CellWeights {
    const names = this._allWeights[k]!;
    const get = (prefix: string): Tensor | null => {
      const n = names.find((x) => x.startsWith(prefix));
      return n === undefined ? null : this._parameters.get(n)!;
    };
    return { wIh: get('weight_ih')!, wHh: get('weight_hh')!, bIh: get('bias_ih'), bHh: get('bias_hh'), wHr: get('weight_hr') };
  }
  /** The input as [T, B, I], whether it had a batch dim. */
  protected prepareInput(input: Tensor): [Tensor, boolean] {
    if (!isTensor(input)) throw new NotImplementedError('PackedSequence inputs of nn.RNN/LSTM/GRU');
    const batched = input.ndim === 3;
    let x = batched ? input : input.unsqueeze(this.batchFirst ? 0 : 1);
    if (x.ndim !== 3) throw new RuntimeError(`input must have 3 dimensions, got ${x.ndim}`);
    if (x.shape[2] !== this.inputSize) throw new RuntimeError(`input.size(-1) must be equal to input_size. Expected ${this.inputSize}, got ${x.shape[2]}`);
    if (this.batchFirst) x = x.transpose(0, 1);
    return [x, batched];
  }
  /** A given hidden state checked (and given its batch dim), or zeros. */
  protected hiddenState(hx: Tensor | null, x: Tensor, batched: boolean, size: number, what: string): Tensor {
    const dirs = this.bidirectional ? 2 : 1;
    const expected = [this.numLayers * dirs, x.shape[1]!, size];
    if (hx === null) return zeros(expected, { dtype: x.dtype, device: x.device });
    const h = batched ? hx : hx.unsqueeze(1);
    if (h.shape.join() !== expected.join()) throw new RuntimeError(`Expected ${what} size (${expected.join(', ')}), got [${h.shape.join(', ')}]`);
    return h;
  }
  /** Runs the recurrence: output (batch-first when asked, unbatched when the input was) and final h, c. */
  protected run(x: Tensor, batched: boolean, h0: Tensor, c0: Tensor | null): [Tensor, Tensor, Tensor | null] {
    const weights = this._allWeights.map((_, k) => this.cellWeights(k));
    let [out, h, c] = runRnn(x, h0, c0, weights, { mode: this.mode, numLayers: this.numLayers, bidirectional: this.bidirectional, dropout: this.dropout, training: this.training });
    if (this.batchFirst) out = out.transpose(0, 1);
    if (!batched) {
      out = out.squeeze(this.batchFirst ? 0 : 1);
      h = h.squeeze(1);
      c = c?.squeeze(1) ?? null;
    }
    return [out, h, c];
  }
  /** RNN's and GRU's forward: one hidden state (LSTM has its own, with the cell state). */
  protected runWithHidden(input: Tensor, hx: Tensor | null): [Tensor, Tensor] {
    const [x, batched] = this.prepareInput(input);
    if (hx !== null && hx.ndim !== (batched ? 3 : 2)) {
      throw new RuntimeError(batched ? `For batched 3-D input, hx should also be 3-D but got ${hx.ndim}-D tensor` : `For unbatched 2-D input, hx should also be 2-D but got ${hx.ndim}-D tensor`);
    }
    const h0 = this.hiddenState(hx, x, batched, this.hiddenSize, 'hidden');
    const [out, h] = this.run(x, batched, h0, null);
    return [out, h];
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    let s = `${this.inputSize}, ${this.hiddenSize}`;
    if (this.projSize !== 0) s += `, proj_size=${this.projSize}`;
    if (this.numLayers !== 1) s += `, num_layers=${this.numLayers}`;
    if (this.bias !== true) s += `, bias=${pyRepr(this.bias)}`;
    if (this.batchFirst !== false) s += `, batch_first=${pyRepr(this.batchFirst)}`;
    if (this.dropout !== 0) s += `, dropout=${pyNumber(this.dropout, true)}`;
    if (this.bidirectional !== false) s += `, bidirectional=${pyRepr(this.bidirectional)}`;
    return s;
  }
}

/**
 * `nn.RNN(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False, *, nonlinearity='tanh')`:
 * `forward(input, hx=None)` → `[output, h_n]`.
 * @example const [out, h] = new nn.RNN(4, 8).call(torch.randn(5, 2, 4)); out.shape // [5, 2, 8]
 */
export class RNN extends RNNBase {
  declare nonlinearity: 'tanh' | 'relu';
  constructor(...args: Args<RnnPositional, RnnOptions & { nonlinearity?: 'tanh' | 'relu' }>) {
    const a = RNN_ARGS.parse(args);
    if (a.projSize !== 0) throw new ValueError('proj_size argument is only supported for LSTM, not RNN or GRU');
    if (a.nonlinearity !== 'tanh' && a.nonlinearity !== 'relu') throw new ValueError(`Unknown nonlinearity '${a.nonlinearity}'`);
    super(a.nonlinearity === 'tanh' ? 'RNN_TANH' : 'RNN_RELU', a);
    this.nonlinearity = a.nonlinearity;
  }
  /** `forward(input, hx=None)`: input [T, B, I] (or [B, T, I] batch-first, or [T, I]). @example rnn.forward(x) */
  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    return this.runWithHidden(input, hx);
  }
}

/**
 * `nn.LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False, proj_size=0)`:
 * `forward(input, [h0, c0]=None)` → `[output, [h_n, c_n]]`.
 * @example const [out, [h, c]] = new nn.LSTM(4, 8, 2).call(torch.randn(5, 2, 4)); h.shape // [2, 2, 8]
 */
export class LSTM extends RNNBase {
  constructor(...args: Args<[...RnnPositional, projSize: number, device: Device | null, dtype: DType | null], RnnOptions & { projSize?: number }>) {
    super('LSTM', LSTM_ARGS.parse(args));
  }
  /** `forward(input, hx=None)` with `hx = [h0, c0]`. @example lstm.forward(x, [h0, c0]) */
  override forward(input: Tensor, hx: readonly [Tensor, Tensor] | null = null): [Tensor, [Tensor, Tensor]] {
    const [x, batched] = this.prepareInput(input);
    if (hx !== null) {
      const want = batched ? 3 : 2;
      if (hx[0].ndim !== want || hx[1].ndim !== want) {
        throw new RuntimeError(
          batched
            ? `For batched 3-D input, hx and cx should also be 3-D but got (${hx[0].ndim}-D, ${hx[1].ndim}-D) tensors`
            : `For unbatched 2-D input, hx and cx should also be 2-D but got (${hx[0].ndim}-D, ${hx[1].ndim}-D) tensors`,
        );
      }
    }
    const real = this.projSize > 0 ? this.projSize : this.hiddenSize;
    const h0 = this.hiddenState(hx?.[0] ?? null, x, batched, real, 'hidden[0]');
    const c0 = this.hiddenState(hx?.[1] ?? null, x, batched, this.hiddenSize, 'hidden[1]');
    const [out, h, c] = this.run(x, batched, h0, c0);
    return [out, [h, c!]];
  }
}

/**
 * `nn.GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0, bidirectional=False)`:
 * `forward(input, hx=None)` → `[output, h_n]`.
 * @example const [out, h] = new nn.GRU(4, 8, { bidirectional: true }).call(torch.randn(5, 2, 4)); out.shape // [5, 2, 16]
 */
export class GRU extends RNNBase {
  constructor(...args: Args<RnnPositional, RnnOptions>) {
    const a = GRU_ARGS.parse(args);
    if (a.projSize !== 0) throw new ValueError('proj_size argument is only supported for LSTM, not RNN or GRU');
    super('GRU', a);
  }
  /** `forward(input, hx=None)`. @example gru.forward(x) */
  override forward(input: Tensor, hx: Tensor | null = null): [Tensor, Tensor] {
    return this.runWithHidden(input, hx);
  }
}
