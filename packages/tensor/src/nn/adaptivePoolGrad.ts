// The gradient of adaptive average pooling (ATen's _adaptive_avg_pool2d_backward):
// each output gradient over its window's size, scatter-added to every position
// of its window. (Adaptive max pooling's gradient is maxPool2dBackward with its indices.)

import type { View } from '../backend/types.js';
import { numel } from '../backend/layout.js';
import { fromValues } from '../creation.js';
import { contiguous } from '../copy.js';
import { RuntimeError } from '../errors.js';
import { checkSameDevice } from '../operands.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { fmtList } from './convArgs.js';
import { windowTable } from './adaptivePool.js';

const ADAPTIVE_AVG_BACKWARD = defineOp('adaptiveAvgPool2dBackward');

/**
 * The gradient of `adaptiveAvgPool2d` with respect to its input [N, C, H, W] or [C, H, W].
 * @example torch.adaptiveAvgPool2dBackward(torch.ones(1, 1, 1, 1), torch.zeros(1, 1, 2, 2)) // every entry 0.25
 */
export function adaptiveAvgPool2dBackward(gradOutput: Tensor, input: Tensor): Tensor {
  return traced(ADAPTIVE_AVG_BACKWARD, [gradOutput, input], {}, () => {
    checkSameDevice([gradOutput, input]);
    if ((input.ndim !== 3 && input.ndim !== 4) || gradOutput.ndim !== input.ndim || gradOutput.shape.slice(0, -2).some((s, i) => s !== input.shape[i])) {
      throw new RuntimeError(`adaptive_avg_pool2d backward: expected grad_output ${fmtList(gradOutput.shape)} to match an input ${fmtList(input.shape)} but for its last two dims`);
    }
    const x = input.ndim === 3 ? input.unsqueeze(0) : input;
    const g = contiguous(gradOutput.ndim === 3 ? gradOutput.unsqueeze(0) : gradOutput);
    const [n, c] = [x.shape[0]!, x.shape[1]!];
    const spatial = x.shape.slice(2);
    const out = g.shape.slice(2);
    const gradIn = emptyTensor(x.shape, g.dtype, x.device);
    if (gradIn.numel() > 0) {
      const backend = x.storage.backend;
      const p = numel(spatial);
      // planes with one extra element that the padding slots of the table name
      const acc = emptyTensor([n, c, p + 1], g.dtype, x.device);
      backend.fill(acc.backendView, 0);
      if (g.numel() > 0) {
        const { width, table, counts } = windowTable(spatial, out);
        const windows = counts.length;
        const scaled = emptyTensor([n, c, windows], g.dtype, x.device);
        const cv = fromValues(counts, [windows], 'float32', x.device).backendView;
        const gv = g.backendView;
        backend.binary('div', { ...gv, shape: [n, c, windows], strides: [windows * c, windows, 1] }, { ...cv, shape: [n, c, windows], strides: [0, 0, 1] }, scaled.backendView, g.dtype);
        const index = fromValues(table, [windows * width], 'int64', x.device).backendView;
        const sv = scaled.backendView;
        const src: View = { ...sv, shape: [n, c, windows, width], strides: [sv.strides[0]!, sv.strides[1]!, 1, 0] };
        const idx: View = { ...index, shape: [n, c, windows, width], strides: [0, 0, width, 1] };
        // scatter along the flattened plane: index and source as [N, C, windows·width]
        const flat = (v: View): View => ({ ...v, shape: [n, c, windows * width], strides: [v.strides[0]!, v.strides[1]!, 1] });
        backend.scatterAdd(acc.backendView, 2, flat(idx), width === 1 ? flat(src) : flat(contiguousOf(src, backend, g)));
      }
      const av = acc.backendView;
      backend.copy({ ...av, shape: x.shape, strides: [av.strides[0]!, av.strides[1]!, ...rowMajor(spatial)] }, gradIn.backendView);
    }
    return input.ndim === 3 ? gradIn.squeeze(0) : gradIn;
  });
}

function rowMajor(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  for (let i = shape.length - 1, acc = 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** A broadcast view materialised as a contiguous tensor's view (a flattened [.., W, width] needs real strides). */
function contiguousOf(v: View, backend: Tensor['storage']['backend'], like: Tensor): View {
  const t = emptyTensor(v.shape, like.dtype, like.device);
  backend.copy(v, t.backendView);
  return t.backendView;
}
