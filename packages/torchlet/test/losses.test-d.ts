// Type tests of the losses as a PyTorch user writes them: torch.nn.F functions and torch.nn
// Modules, positional arguments in PyTorch's order or one trailing options object.
// Checked by `tsc` (pnpm typecheck); nothing here runs.
import { expectTypeOf } from 'vitest';
import * as torch from '../src/index.js';

const { nn } = torch;
const x = torch.zeros(4, 3);
const t = torch.zeros([4], { dtype: 'int64' });
const w = torch.ones(3);

expectTypeOf(nn.F.crossEntropy(x, t)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(nn.F.crossEntropy(x, t, { labelSmoothing: 0.1, ignoreIndex: 0, weight: w })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(nn.F.crossEntropy(x, t, w, null, 1, null, 'sum', 0.1)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(nn.F.crossEntropy(x, t, w, { reduction: 'none' })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(nn.F.klDiv(x, x, { reduction: 'batchmean', logTarget: true })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(nn.F.ctcLoss(x.view(4, 1, 3), t.view(1, 4), [4], [4], { blank: 0 })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(nn.F.tripletMarginWithDistanceLoss(x, x, x, { distanceFunction: (a, b) => a.sub(b).abs().sum(1) })).toEqualTypeOf<torch.Tensor>();
// @ts-expect-error reduction takes PyTorch's three names
nn.F.mseLoss(x, x, { reduction: 'avg' });
// @ts-expect-error unknown option
nn.F.l1Loss(x, x, { delta: 1 });
// @ts-expect-error positional arguments keep PyTorch's order (weight comes first)
nn.F.nllLoss(x, t, 'sum');
// @ts-expect-error distance_function is keyword-only
nn.F.tripletMarginWithDistanceLoss(x, x, x, (a: torch.Tensor) => a);

const lossFn = new nn.CrossEntropyLoss({ labelSmoothing: 0.1 });
expectTypeOf(lossFn.call(x, t)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(lossFn.weight).toEqualTypeOf<torch.Tensor | null>();
expectTypeOf(new nn.BCEWithLogitsLoss({ posWeight: w }).pos_weight).toEqualTypeOf<torch.Tensor | null>();
expectTypeOf(new nn.MultiMarginLoss(2, 0.5).call(x, t)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(new nn.GaussianNLLLoss({ full: true }).call(x, x, x)).toEqualTypeOf<torch.Tensor>();
// @ts-expect-error GaussianNLLLoss takes its options by name only
new nn.GaussianNLLLoss(true);
// @ts-expect-error p is 1 or 2
new nn.MultiMarginLoss(3);
