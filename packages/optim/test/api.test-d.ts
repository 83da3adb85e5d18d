// Type tests: the optimizers, schedulers and clipping as a PyTorch user writes against them.
// Checked by tsc (pnpm typecheck); nothing runs.
import { expectTypeOf } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { Optimizer, OptimizerStateDict, StepResult } from '../src/index.js';
import { Adam, LBFGS, SGD, clipGradNorm_, clipGradValue_, lrScheduler } from '../src/index.js';

const w = torch.ones(2, { requiresGrad: true });

new SGD([w], 0.1, { momentum: 0.9 });
new SGD([w], { lr: 0.1, momentum: 0.9, nesterov: true });
new SGD([w], 0.1, 0.9, 0, 1e-4, true);
new SGD([{ params: [w], lr: 0.01 }, { params: w }], 0.1);
new Adam([w], 1e-3, [0.9, 0.99], { amsgrad: true });
new LBFGS([w], { lineSearchFn: 'strong_wolfe', historySize: 10 });
// @ts-expect-error: no such option
new SGD([w], 0.1, { momentun: 0.9 });
// @ts-expect-error: lr is a number
new SGD([w], '0.1');
// @ts-expect-error: betas is a pair
new Adam([w], 1e-3, 0.9);
// @ts-expect-error: only 'strong_wolfe' or null
new LBFGS([w], { lineSearchFn: 'backtracking' });

const sgd = new SGD([w], 0.1);
expectTypeOf(sgd.paramGroups[0]!.momentum).toEqualTypeOf<number>();
expectTypeOf(sgd.paramGroups[0]!.params).toEqualTypeOf<Tensor[]>();
expectTypeOf(sgd.step()).toEqualTypeOf<StepResult>();
expectTypeOf(sgd.stepAsync()).toEqualTypeOf<Promise<StepResult>>();
expectTypeOf(sgd.stateDict()).toEqualTypeOf<OptimizerStateDict>();
// every optimizer is an Optimizer
const any: Optimizer = new Adam([w]);
const schedule = new lrScheduler.StepLR(any, 30, { gamma: 0.1 });
expectTypeOf(schedule.getLastLr()).toEqualTypeOf<number[]>();
new lrScheduler.OneCycleLR(any, 0.1, { totalSteps: 100, annealStrategy: 'linear' });
new lrScheduler.ReduceLROnPlateau(any, 'max', { patience: 3 });
// @ts-expect-error: mode is 'min' or 'max'
new lrScheduler.ReduceLROnPlateau(any, 'lowest');
expectTypeOf(clipGradNorm_([w], 1, { normType: Infinity })).toEqualTypeOf<Tensor>();
expectTypeOf(clipGradValue_(w, 0.5)).toEqualTypeOf<void>();
