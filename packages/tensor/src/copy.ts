// Copies: contiguous(), clone(), dtype casts, copy_() and moves between devices.

import type { DType, StorageArray } from './backend/dtype.js';
import { RuntimeError } from './errors.js';
import type { Device } from './device.js';
import { broadcastShapes, fmtShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor, viewTensor } from './tensor.js';
import { defineOp, traced } from './trace.js';

const CONTIGUOUS = defineOp('contiguous');
const CLONE = defineOp('clone');
const CAST = defineOp('cast');
const COPY = defineOp('copy_');
const TO_DEVICE = defineOp('toDevice');

/** `x.contiguous()`: `x` itself when already row-major, else a row-major copy. @example torch.zeros(2, 3).t().contiguous().strides // [2, 1] */
export function contiguous(x: Tensor): Tensor {
  if (x.isContiguous()) return x;
  return traced(CONTIGUOUS, [x], {}, () => contiguousCopy(x));
}

function contiguousCopy(x: Tensor): Tensor {
  const out = emptyTensor(x.shape, x.dtype, x.device);
  x.storage.backend.copy(x.backendView, out.backendView);
  return out;
}

/** `x.clone()`: a row-major copy with its own storage. @example const x = torch.ones(2); x.clone().storage === x.storage // false */
export function clone(x: Tensor): Tensor {
  return traced(CLONE, [x], {}, () => cast(x, x.dtype, true));
}

/** `x` converted to `dtype` (`x` itself when it already has it, unless `copy`). @example cast(torch.tensor([1.5, -2.5]), 'int64') // tensor([ 1, -2]) */
export function cast(x: Tensor, dtype: DType, copy = false): Tensor {
  if (x.dtype === dtype && !copy) return x;
  return traced(CAST, [x], {}, () => castCopy(x, dtype));
}

function castCopy(x: Tensor, dtype: DType): Tensor {
  const out = emptyTensor(x.shape, dtype, x.device, x);
  x.storage.backend.copy(x.backendView, out.backendView);
  return out;
}

/** `dst.copy_(src)`: writes `src` (broadcast, cast) into `dst` in place; any devices. @example torch.zeros(3).copy_(torch.tensor([2])) // tensor([2., 2., 2.]) */
export function copyInto(dst: Tensor, src: Tensor): Tensor {
  return traced(COPY, [dst, src], {}, () => copyIntoImpl(dst, src), { inplace: true });
}

function copyIntoImpl(dst: Tensor, src: Tensor): Tensor {
  const shape = broadcastShapes(dst.shape, src.shape);
  if (shape.length !== dst.ndim || shape.some((s, i) => s !== dst.shape[i])) {
    throw new RuntimeError(`output with shape ${fmtShape(dst.shape)} doesn't match the broadcast shape ${fmtShape(shape)}`);
  }
  let source = src;
  if (src.device !== dst.device) source = toDevice(src, dst.device);
  else if (src.storage === dst.storage) source = clone(src); // overlapping layouts: read everything first
  const b = expandView(source, dst.shape);
  dst.storage.backend.copy(b, dst.backendView);
  dst.bumpVersion();
  return dst;
}

/** A broadcast backend view of `x` at `shape` (no new tensor). @example expandView(torch.zeros(3, 1), [2, 3, 4]).strides // [0, 1, 0] */
export function expandView(x: Tensor, shape: readonly number[]) {
  const v = x.backendView;
  if (x.ndim === shape.length && x.shape.every((s, i) => s === shape[i])) return v;
  const lead = shape.length - x.ndim;
  const strides = shape.map((s, i) => (i < lead || x.shape[i - lead] !== s ? 0 : x.strides[i - lead]!));
  return { ...v, shape, strides };
}

/** `x.to(device)`: a copy on another device (`x` itself when already there). @example const x = torch.ones(2); toDevice(x, 'cpu') === x // true */
export function toDevice(x: Tensor, device: Device): Tensor {
  if (x.device === device) return x;
  return traced(TO_DEVICE, [x], {}, () => toDeviceCopy(x, device));
}

function toDeviceCopy(x: Tensor, device: Device): Tensor {
  const src = x.storage.backend;
  if (!src.readSync) {
    throw new RuntimeError(`cannot move a tensor off device '${x.device}' synchronously: use await x.toAsync('${device}')`);
  }
  return withData(x, src.readSync(x.backendView), device);
}

/** `await x.toAsync(device)`: `to(device)` for devices that can only be read asynchronously. @example const y = await x.toAsync('cpu') */
export async function toDeviceAsync(x: Tensor, device: Device): Promise<Tensor> {
  if (x.device === device) return x;
  const data = await x.storage.backend.read(x.backendView);
  // recorded (for autograd) once the data has arrived, as the synchronous move is
  return traced(TO_DEVICE, [x], {}, () => withData(x, data, device));
}

/** A new tensor on `device` shaped like `x`, holding `data` (x's elements in row-major order). */
function withData(x: Tensor, data: StorageArray, device: Device): Tensor {
  const out = emptyTensor(x.shape, x.dtype, device);
  out.storage.backend.write(out.storage.buf, data, 0);
  return out;
}

/** `x.detach()` without autograd: a new tensor sharing `x`'s storage. @example const x = torch.ones(2); alias(x).storage === x.storage // true */
export function alias(x: Tensor): Tensor {
  const a = viewTensor(x, x.shape, x.strides, x.offset);
  // as PyTorch's detach(): shares memory, but is not a view autograd tracks writes through
  a.viewBase = null;
  return a;
}

