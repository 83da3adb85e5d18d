// Type tests of the convolution / pooling functions: PyTorch's positional
// arguments or one options object, and [output, indices] with returnIndices.
// Checked by `tsc` (pnpm typecheck); nothing here runs.
import { expectTypeOf } from 'vitest';
import * as torch from '../src/index.js';

const x = torch.zeros(1, 3, 8, 8);
const w = torch.zeros(4, 3, 3, 3);

// positional as in PyTorch, or the options object in the first keyword position
expectTypeOf(torch.conv2d(x, w)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.conv2d(x, w, null, 1, 1, 1, 1)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.conv2d(x, w, undefined, { padding: 'same', dilation: [1, 2] })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.convTranspose2d(x.permute([1, 0, 2, 3]), w, null, { stride: 2, outputPadding: 1 })).toEqualTypeOf<torch.Tensor>();

// max pooling: a tensor, or [output, indices] when indices are asked for
expectTypeOf(torch.maxPool2d(x, 2)).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.maxPool2d(x, 2, { stride: 1, ceilMode: true })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.maxPool2d(x, 2, { returnIndices: true })).toEqualTypeOf<[torch.Tensor, torch.Tensor]>();
expectTypeOf(torch.maxPool2d(x, 3, 2, 1, 1, false, true)).toEqualTypeOf<[torch.Tensor, torch.Tensor]>();
expectTypeOf(torch.adaptiveMaxPool2d(x, [2, null], true)).toEqualTypeOf<[torch.Tensor, torch.Tensor]>();
expectTypeOf(torch.avgPool2d(x, 2, null, 0, false, true, 3)).toEqualTypeOf<torch.Tensor>();

// padding and resizing
expectTypeOf(torch.pad(x, [1, 1, 2, 2], 'reflect')).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.interpolate(x, { scaleFactor: 2, mode: 'bilinear', alignCorners: false })).toEqualTypeOf<torch.Tensor>();
expectTypeOf(torch.interpolate(x, [4, 4], null, 'nearest')).toEqualTypeOf<torch.Tensor>();

// @ts-expect-error: kernel sizes are numbers
torch.maxPool2d(x, '2');
