// The gradient of F.interpolate (ATen's upsample_*_backward): every mode is
// linear in its input, one dim at a time, so each dim's pass is undone by its
// adjoint — a scatter-add for nearest, the transposed matrix for linear.

import { RuntimeError } from '../errors.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { contiguous } from '../copy.js';
import { fmtList } from './convArgs.js';
import { adaptiveAvgPool2dBackward } from './adaptivePoolGrad.js';
import { LINEAR, interpolationMatrix, linearAlong, nearestPositions, rounder, type InterpolateMode } from './interpolate.js';
import { scatterAlong } from './selectAlong.js';

const INTERPOLATE_BACKWARD = defineOp('interpolateBackward');

/** What the forward call was given besides its input and output sizes. */
export interface InterpolateBackwardOptions {
  scaleFactor?: number | readonly number[] | null;
  mode?: InterpolateMode;
  alignCorners?: boolean | null;
  recomputeScaleFactor?: boolean | null;
}

/**
 * The gradient of `interpolate` with respect to its input of shape `inputSize`,
 * given the output gradient (its spatial size is the forward's output size) and
 * the forward's scale factor, mode and alignCorners.
 * @example torch.interpolateBackward(torch.ones(1, 1, 4), [1, 1, 2], { scaleFactor: 2 }) // tensor([[[2., 2.]]])
 */
export function interpolateBackward(gradOutput: Tensor, inputSize: readonly number[], opts: InterpolateBackwardOptions = {}): Tensor {
  const mode = opts.mode ?? 'nearest';
  return traced(INTERPOLATE_BACKWARD, [gradOutput], { inputSize: [...inputSize], ...opts, mode }, () => {
    const d = inputSize.length - 2;
    if (d < 1 || d > 3 || gradOutput.ndim !== inputSize.length || gradOutput.shape[0] !== inputSize[0] || gradOutput.shape[1] !== inputSize[1]) {
      throw new RuntimeError(`interpolate backward: expected a grad_output of rank ${inputSize.length} matching input ${fmtList(inputSize)} in its first two dims, but got ${fmtList(gradOutput.shape)}`);
    }
    if (mode === 'area') {
      if (d === 2) return adaptiveAvgPool2dBackward(gradOutput, gradOutput.newZeros([...inputSize]));
      if (d === 1) return adaptiveAvgPool2dBackward(gradOutput.unsqueeze(2), gradOutput.newZeros([inputSize[0]!, inputSize[1]!, 1, inputSize[2]!])).squeeze(2);
    }
    const linearDims = LINEAR[mode];
    if ((mode !== 'nearest' && mode !== 'nearest-exact' && linearDims === undefined) || (linearDims !== undefined && linearDims !== d)) {
      throw new RuntimeError(`interpolate backward: mode '${mode}' is not supported for ${d + 2}-D inputs`);
    }
    const given = opts.recomputeScaleFactor ? undefined : opts.scaleFactor ?? undefined;
    const scales = Array.from({ length: d }, (_, k) => (given === undefined ? undefined : typeof given === 'number' ? given : given[k]));
    let g = gradOutput;
    const f = rounder(gradOutput);
    for (let k = 0; k < d; k++) {
      const dim = 2 + k;
      const inSize = inputSize[dim]!;
      const outSize = gradOutput.shape[dim]!;
      if (linearDims === undefined) {
        g = scatterAlong(contiguous(g), dim, nearestPositions(inSize, outSize, scales[k], mode === 'nearest-exact'), inSize);
      } else {
        const a = interpolationMatrix(mode, inSize, outSize, scales[k], opts.alignCorners ?? false, f);
        // the adjoint: the [out, in] transpose of the [in, out] matrix
        const t = Array.from({ length: outSize * inSize }, (_, q) => a[(q % inSize) * outSize + Math.floor(q / inSize)]!);
        g = linearAlong(g, dim, t, inSize);
      }
    }
    return contiguous(g);
  });
}
