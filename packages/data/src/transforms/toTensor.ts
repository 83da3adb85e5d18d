// ToTensor and PILToTensor: an image laid out as PIL / NumPy hold it ([H, W] or
// [H, W, C]) becomes a tensor image [C, H, W].

import type { Tensor } from '@torchlet/tensor';
import { ValueError, getDefaultDtype, signature } from '@torchlet/tensor';
import { Transform, dimensions } from './transform.js';

const TO_TENSOR = signature<{ '': Record<string, never> }>('ToTensor()');
const PIL_TO_TENSOR = signature<{ '': Record<string, never> }>('PILToTensor()');

/** [H, W] or [H, W, C] → [C, H, W], contiguous. */
function channelsFirst(pic: Tensor): Tensor {
  dimensions(pic);
  if (pic.ndim !== 2 && pic.ndim !== 3) throw new ValueError(`pic should be 2/3 dimensional. Got ${pic.ndim} dimensions.`);
  const hwc = pic.ndim === 2 ? pic.unsqueeze(-1) : pic;
  return hwc.permute(2, 0, 1).contiguous();
}

/**
 * `torchvision.transforms.ToTensor()`: an image `[H, W]` or `[H, W, C]` (what the datasets give,
 * as a PIL image or ndarray would be) becomes `[C, H, W]`; uint8 is scaled to float in [0, 1].
 * @example new ToTensor().call(fashionImage) // float32 [1, 28, 28]
 */
export class ToTensor extends Transform {
  protected readonly args: readonly unknown[] = [];

  constructor(...args: []) {
    super();
    TO_TENSOR.parse(args);
  }

  call(pic: Tensor): Tensor {
    const img = channelsFirst(pic);
    return img.dtype === 'uint8' ? img.to(getDefaultDtype()).div(255) : img;
  }
}

/**
 * `torchvision.transforms.PILToTensor()`: an image `[H, W]` or `[H, W, C]` becomes `[C, H, W]`,
 * values unchanged.
 * @example new PILToTensor().call(cifarImage) // uint8 [3, 32, 32]
 */
export class PILToTensor extends Transform {
  protected readonly args: readonly unknown[] = [];

  constructor(...args: []) {
    super();
    PIL_TO_TENSOR.parse(args);
  }

  call(pic: Tensor): Tensor {
    return channelsFirst(pic);
  }
}
