// Every layer against PyTorch (tools/fixtures/nn_layers.py, nn_sequence.py): initial parameters
// after the same seed (bit for bit), repr, state_dict keys, forward, input and parameter
// gradients, buffers after training steps (batch-norm running statistics, num_batches_tracked),
// dropout masks, and errors.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { compare } from './fixtureTools.js';
import { checks, construct, loadCases, replay } from './layerCases.js';

const layers = loadCases('nn_layers.json');
const sequence = loadCases('nn_sequence.json');

describe.each([['layers', layers], ['sequence models', sequence]])('%s against PyTorch', (_, fx) => {
  for (const c of fx.cases) {
    it(c.name, () => {
      const r = replay(c);
      expect(r.repr).toBe(c.repr);
      expect(Object.keys(r.initial)).toEqual(c.keys);
      if (c.init) for (const [k, v] of Object.entries(c.init)) expect(compare(r.initial[k], v, [0, 0]), `init ${k}`).toBe('');
      expect(r.outputs.length).toBe(c.outputs.length);
      for (const [what, actual, expected] of checks(c, r)) expect(compare(actual, expected), what).toBe('');
    });
  }
});

describe.each([['layer', layers], ['sequence model', sequence]])('%s errors with PyTorch\'s wording', (_, fx) => {
  for (const e of fx.errors) {
    it(e.name, () => {
      const run = (): void => {
        const m = construct(e.ctor, e.args, e.kwargs);
        if (e.input_shape !== null) m.call(torch.zeros(e.input_shape));
      };
      // shapes print as torchlet prints them ([2, 5]), not torch.Size([2, 5])
      const message = e.message.replace(/torch\.Size\((\[[^\]]*\])\)/g, '$1');
      expect(run).toThrow(expect.objectContaining({ name: e.type, message }));
    });
  }
});
