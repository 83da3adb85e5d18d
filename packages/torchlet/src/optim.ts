// torch.optim: the optimizers and torch.optim.lrScheduler (from @torchlet/optim).
export type {
  AdadeltaOptions, AdagradOptions, AdamOptions, AdamWOptions, AdamaxOptions, ASGDOptions, Closure, LBFGSOptions, NAdamOptions, OptimizerStateDict,
  ParamGroup, ParamGroupInput, ParamsLike, RAdamOptions, RMSpropOptions, RpropOptions, SGDOptions, SparseAdamOptions, StepResult,
} from '@torchlet/optim';
export { ASGD, Adadelta, Adagrad, Adam, AdamW, Adamax, LBFGS, NAdam, Optimizer, RAdam, RMSprop, Rprop, SGD, SparseAdam, lrScheduler } from '@torchlet/optim';
