// The recurrent cells and the multi-layer, bidirectional loop of nn.RNN / LSTM / GRU, written as
// ATen's CPU implementation (RNN.cpp) computes them: input projections of every step at once,
// then per step gates = linear_hh(h) + projected input; dropout between layers in training.

import type { Tensor } from '@torchlet/tensor';
import { cat, stack } from '@torchlet/tensor';
import { dropout } from './dropout.js';
import { linear } from './linear.js';

/** The recurrence a layer runs. */
export type RnnMode = 'RNN_TANH' | 'RNN_RELU' | 'LSTM' | 'GRU';

/** One layer-direction's parameters: weight_ih, weight_hh, their biases (or null), and weight_hr (LSTM projections). */
export interface CellWeights {
  wIh: Tensor;
  wHh: Tensor;
  bIh: Tensor | null;
  bHh: Tensor | null;
  wHr: Tensor | null;
}

/** A hidden state: h, and c for an LSTM. */
export interface Hidden {
  h: Tensor;
  c: Tensor | null;
}

/**
 * One step: the new hidden state from the projected input `xw` (x·W_ihᵀ + b_ih) and the previous one.
 * @example cellStep('GRU', xw, { h, c: null }, weights)
 */
export function cellStep(mode: RnnMode, xw: Tensor, hx: Hidden, w: CellWeights): Hidden {
  const hw = linear(hx.h, w.wHh, w.bHh);
  if (mode === 'RNN_TANH') return { h: hw.add(xw).tanh(), c: null };
  if (mode === 'RNN_RELU') return { h: hw.add(xw).relu(), c: null };
  if (mode === 'LSTM') {
    const [i, f, g, o] = hw.add(xw).chunk(4, 1) as [Tensor, Tensor, Tensor, Tensor];
    const c = f.sigmoid().mul(hx.c!).add(i.sigmoid().mul(g.tanh()));
    let h = o.sigmoid().mul(c.tanh());
    if (w.wHr !== null) h = h.matmul(w.wHr.t());
    return { h, c };
  }
  const [ir, iz, inn] = xw.chunk(3, 1) as [Tensor, Tensor, Tensor];
  const [hr, hz, hn] = hw.chunk(3, 1) as [Tensor, Tensor, Tensor];
  const r = hr.add(ir).sigmoid();
  const z = hz.add(iz).sigmoid();
  const n = inn.add(hn.mul(r)).tanh();
  return { h: hx.h.sub(n).mul(z).add(n), c: null };
}

/** One direction of one layer over a [T, B, I] input: its outputs [T, B, H] (in time order) and final state. */
function runDirection(mode: RnnMode, input: Tensor, hx: Hidden, w: CellWeights, reverse: boolean): [Tensor, Hidden] {
  const steps = linear(input, w.wIh, w.bIh).unbind(0);
  const outs = new Array<Tensor>(steps.length);
  let state = hx;
  for (let k = 0; k < steps.length; k++) {
    const t = reverse ? steps.length - 1 - k : k;
    state = cellStep(mode, steps[t]!, state, w);
    outs[t] = state.h;
  }
  return [outs.length > 0 ? stack(outs) : input.newZeros([0, input.shape[1]!, hx.h.shape[1]!]), state];
}

/** What the stacked recurrence needs besides the input and the initial state. */
export interface RnnConfig {
  mode: RnnMode;
  numLayers: number;
  bidirectional: boolean;
  dropout: number;
  training: boolean;
}

/**
 * `_VF.rnn_tanh` / `lstm` / `gru` on a [T, B, I] input: `weights[l·D + d]` and `h0`/`c0`
 * [L·D, B, H] give the output [T, B, D·H] and the final h (and c).
 * @example runRnn(input, h0, null, weights, { mode: 'GRU', numLayers: 1, bidirectional: false, dropout: 0, training: true })
 */
export function runRnn(input: Tensor, h0: Tensor, c0: Tensor | null, weights: CellWeights[], cfg: RnnConfig): [Tensor, Tensor, Tensor | null] {
  const dirs = cfg.bidirectional ? 2 : 1;
  const hs: Tensor[] = [];
  const cs: Tensor[] = [];
  let layerInput = input;
  for (let l = 0; l < cfg.numLayers; l++) {
    const outs: Tensor[] = [];
    for (let d = 0; d < dirs; d++) {
      const k = l * dirs + d;
      const [out, state] = runDirection(cfg.mode, layerInput, { h: h0.select(0, k), c: c0?.select(0, k) ?? null }, weights[k]!, d === 1);
      outs.push(out);
      hs.push(state.h);
      if (state.c !== null) cs.push(state.c);
    }
    layerInput = outs.length === 1 ? outs[0]! : cat(outs, 2);
    if (cfg.dropout !== 0 && cfg.training && l < cfg.numLayers - 1) layerInput = dropout(layerInput, cfg.dropout, true);
  }
  return [layerInput, stack(hs), c0 === null ? null : stack(cs)];
}
