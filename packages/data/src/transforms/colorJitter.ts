// ColorJitter: brightness, contrast, saturation and hue changed by random
// factors, applied in a random order, as torchvision draws them.

import type { Tensor } from '@torchlet/tensor';
import { TorchTypeError, ValueError, signature } from '@torchlet/tensor';
import { adjustBrightness, adjustContrast, adjustHue, adjustSaturation } from './color.js';
import { drawUniform, order } from './draws.js';
import { Transform } from './transform.js';

const ARGS = signature<{ '': { brightness: number | number[]; contrast: number | number[]; saturation: number | number[]; hue: number | number[] } }>(
  'ColorJitter(float|float[] brightness=0, float|float[] contrast=0, float|float[] saturation=0, float|float[] hue=0)',
);

/** Python's repr of a float (`1.0`, `0.5`, `inf`). */
function pyFloat(v: number): string {
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  return Number.isInteger(v) ? `${v}.0` : String(v);
}

/** torchvision's _check_input: a number v means [center - v, center + v]; null when it changes nothing. */
function checkInput(value: number | readonly number[], name: string, center = 1, bound: [number, number] = [0, Infinity], clipFirstOnZero = true): [number, number] | null {
  let range: [number, number];
  if (typeof value === 'number') {
    if (value < 0) throw new ValueError(`If ${name} is a single number, it must be non negative.`);
    range = [center - value, center + value];
    if (clipFirstOnZero) range[0] = Math.max(range[0], 0);
  } else if (value.length === 2) range = [value[0]!, value[1]!];
  else throw new TorchTypeError(`${name} should be a single number or a list/tuple with length 2.`);
  if (!(bound[0] <= range[0] && range[0] <= range[1] && range[1] <= bound[1])) {
    const b = name === 'hue' ? `(${pyFloat(bound[0])}, ${pyFloat(bound[1])})` : '(0, inf)';
    throw new ValueError(`${name} values should be between ${b}, but got [${range.map(pyFloat).join(', ')}].`);
  }
  return range[0] === center && range[1] === center ? null : range;
}

/** Options of {@link ColorJitter}. */
export interface ColorJitterOptions {
  brightness?: number | readonly number[];
  contrast?: number | readonly number[];
  saturation?: number | readonly number[];
  hue?: number | readonly number[];
}

/**
 * `torchvision.transforms.ColorJitter(brightness=0, contrast=0, saturation=0, hue=0)`: each non-zero
 * setting draws a factor (brightness 0.4 means [0.6, 1.4]; hue in [-0.5, 0.5]), and the four
 * adjustments run in the order of a `torch.randperm(4)`. Images with 1 or 3 channels.
 * @example new ColorJitter(0.4, 0.4, 0.4, 0.1).call(img)
 */
export class ColorJitter extends Transform {
  readonly brightness: [number, number] | null;
  readonly contrast: [number, number] | null;
  readonly saturation: [number, number] | null;
  readonly hue: [number, number] | null;
  protected readonly args: readonly unknown[];

  constructor(...args: [brightness?: number | readonly number[], contrast?: number | readonly number[], saturation?: number | readonly number[], hue?: number | readonly number[]] | [opts: ColorJitterOptions]) {
    super();
    const a = ARGS.parse(args);
    this.brightness = checkInput(a.brightness, 'brightness');
    this.contrast = checkInput(a.contrast, 'contrast');
    this.saturation = checkInput(a.saturation, 'saturation');
    this.hue = checkInput(a.hue, 'hue', 0, [-0.5, 0.5], false);
    this.args = [{ brightness: a.brightness, contrast: a.contrast, saturation: a.saturation, hue: a.hue }];
  }

  call(img: Tensor): Tensor {
    const fns = order(4);
    const draw = (r: [number, number] | null): number | null => (r === null ? null : drawUniform(r[0], r[1]));
    const b = draw(this.brightness);
    const c = draw(this.contrast);
    const s = draw(this.saturation);
    const h = draw(this.hue);
    let x = img;
    for (const fn of fns) {
      if (fn === 0 && b !== null) x = adjustBrightness(x, b);
      else if (fn === 1 && c !== null) x = adjustContrast(x, c);
      else if (fn === 2 && s !== null) x = adjustSaturation(x, s);
      else if (fn === 3 && h !== null) x = adjustHue(x, h);
    }
    return x;
  }

  protected override describe(): string {
    const r = (v: [number, number] | null): string => (v === null ? 'None' : `(${v.join(', ')})`);
    return `brightness=${r(this.brightness)}, contrast=${r(this.contrast)}, saturation=${r(this.saturation)}, hue=${r(this.hue)}`;
  }
}
