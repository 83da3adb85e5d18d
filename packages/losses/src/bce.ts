// torch.nn.functional.binary_cross_entropy: the loss of probabilities in [0, 1], its logs
// clamped at -100 so that saturated inputs give 100, not inf. One op with PyTorch's own
// gradient (x - y) / max((1 - x) x, 1e-12), finite where the clamped loss is flat.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, SCALAR_TYPE_NAME, ValueError, broadcastShapes, defineOp, signature, traced } from '@torchlet/tensor';
import { registerDerivative } from '@torchlet/autograd';
import { readsSync, sameShape, shapeString, sizeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs } from './reduction.js';
import { applyReduction, reductionEnum, resolveReduction } from './reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from './regression.js';

/** Options of `binaryCrossEntropy`. */
export interface BinaryCrossEntropyOptions extends LegacyReductionOptions {
  weight?: Tensor | null;
}

const BINARY_CROSS_ENTROPY = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; weight: Tensor | null } }>(
  'binary_cross_entropy(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);

const BCE = defineOp('binaryCrossEntropy');
/** PyTorch's floor under (1 - x) x in the gradient. */
const EPSILON = 1e-12;

registerDerivative(BCE, {
  node: 'BinaryCrossEntropyBackward0',
  save: { inputs: [0, 1, 2] },
  vjp(ctx) {
    const x = ctx.input(0);
    const y = ctx.input(1);
    const w = ctx.has(2) ? ctx.input(2) : null;
    let g = ctx.args.reduction === 'mean' ? ctx.grad.div(x.numel()) : ctx.grad;
    if (w !== null) g = g.mul(w);
    const gx = ctx.needs(0) ? g.mul(x.sub(y)).div(x.neg().add(1).mul(x).clampMin(EPSILON)) : null;
    // d/dy of the unclamped loss: -logit(x)
    const gy = ctx.needs(1) ? g.mul(x.neg().log1p().sub(x.log())) : null;
    return [gx, gy, null];
  },
});

/**
 * `F.binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,
 * reduction='mean')`: `-w (y log x + (1 - y) log(1 - x))` for probabilities x in [0, 1], each log
 * clamped at -100. `weight` broadcasts to the input's shape.
 * @example binaryCrossEntropy(torch.tensor([0.5, 1]), torch.tensor([1, 0]).float(), { reduction: 'none' }) // tensor([  0.6931, 100.0000])
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  ...rest: Args<[weight: Tensor | null, ...LegacyReductionParams], BinaryCrossEntropyOptions>
): Tensor {
  const a = BINARY_CROSS_ENTROPY.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const x = a.input;
  const y = a.target;
  if (!sameShape(y.shape, x.shape)) {
    throw new ValueError(
      `Using a target size (${sizeString(y.shape)}) that is different to the input size (${sizeString(x.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  }
  let weight = a.weight;
  if (weight !== null) {
    const shape = broadcastShapes(y.shape, weight.shape);
    if (!sameShape(shape, x.shape)) throw new RuntimeError(`output with shape ${shapeString(x.shape)} doesn't match the broadcast shape ${shapeString(shape)}`);
    weight = weight.expand(shape);
  }
  if (!x.isFloatingPoint()) throw new RuntimeError(`"binary_cross_entropy" not implemented for '${SCALAR_TYPE_NAME[x.dtype]}'`);
  if (y.dtype !== x.dtype) throw new RuntimeError(`Found dtype ${SCALAR_TYPE_NAME[y.dtype]} but expected ${SCALAR_TYPE_NAME[x.dtype]}`);
  checkProbabilities(x);
  const w = weight;
  return traced(BCE, [x, y, w ?? undefined], { reduction }, () => {
    let loss = y.sub(1).mul(x.neg().log1p().clampMin(-100)).sub(y.mul(x.log().clampMin(-100)));
    if (w !== null) loss = loss.mul(w);
    return applyReduction(loss, reduction);
  });
}

/** PyTorch's check that every input lies in [0, 1] (NaN fails it); on devices without synchronous reads, NaN shows in the loss instead. */
function checkProbabilities(x: Tensor): void {
  if (!readsSync(x) || x.numel() === 0) return;
  if (!x.ge(0).logicalAnd(x.le(1)).all().itemSync()) throw new RuntimeError('all elements of input should be between 0 and 1');
}
