// RandomRotation and RandomAffine: random warps of tensor images, with
// torchvision's draws (uniform_ of the default generator) and kernels.

import type { Tensor } from '@torchlet/tensor';
import { TorchTypeError, ValueError, signature } from '@torchlet/tensor';
import type { Interpolation } from './affineGrid.js';
import { affineOutputSize, inverseAffineMatrix, warp } from './affineGrid.js';
import { drawUniform } from './draws.js';
import { Transform, dimensions } from './transform.js';

const ROTATION = signature<{ '': { degrees: number | number[]; interpolation: string; expand: boolean; center: number[] | null; fill: number | number[] } }>(
  'RandomRotation(float|float[] degrees, str interpolation="nearest", bool expand=False, float[]? center=None, float|float[] fill=0)',
);
const AFFINE = signature<{
  '': { degrees: number | number[]; translate: number[] | null; scale: number[] | null; shear: number | number[] | null; interpolation: string; fill: number | number[]; center: number[] | null };
}>(
  'RandomAffine(float|float[] degrees, float[]? translate=None, float[]? scale=None, float|float[]? shear=None, str interpolation="nearest", float|float[] fill=0, float[]? center=None)',
);

function checkLength(x: readonly number[], name: string, sizes: readonly number[]): void {
  if (!sizes.includes(x.length)) throw new ValueError(`${name} should be a sequence of length ${sizes.join(' or ')}.`);
}

/** torchvision's _setup_angle: a number d means [-d, d]. */
function setupAngle(x: number | readonly number[], name: string, sizes: readonly number[]): number[] {
  if (typeof x === 'number') {
    if (x < 0) throw new ValueError(`If ${name} is a single number, it must be positive.`);
    return [-x, x];
  }
  checkLength(x, name, sizes);
  return [...x];
}

function checkInterpolation(mode: string): Interpolation {
  if (mode !== 'nearest' && mode !== 'bilinear') throw new ValueError(`Interpolation mode '${mode}' is unsupported with Tensor input`);
  return mode;
}

/** The fill per channel, as the transforms pass it to the kernel. */
function fillFor(fill: number | readonly number[], img: Tensor): number[] {
  const c = dimensions(img)[0];
  if (typeof fill === 'number') return new Array<number>(c).fill(fill);
  if (fill.length > 1 && fill.length !== c) {
    throw new ValueError(`The number of elements in 'fill' cannot broadcast to match the number of channels of the image (${fill.length} != ${c})`);
  }
  return [...fill];
}

/** A centre in pixels as the kernel takes it: relative to the image centre. */
function centreOf(center: readonly number[] | null, img: Tensor): [number, number] {
  if (center === null) return [0, 0];
  const [, h, w] = dimensions(img);
  return [center[0]! - w * 0.5, center[1]! - h * 0.5];
}

/** Options of {@link RandomRotation}. */
export interface RandomRotationOptions {
  interpolation?: Interpolation;
  expand?: boolean;
  center?: readonly number[] | null;
  fill?: number | readonly number[];
}

/**
 * `torchvision.transforms.RandomRotation(degrees, interpolation='nearest', expand=False, center=None, fill=0)`:
 * rotates by an angle drawn uniformly from `[-degrees, degrees]` (or the given range), about the
 * centre (or `center`), counter-clockwise. Images `[..., C, H, W]`, and `[H, W]` as one channel
 * (torchvision 0.14 fails on `[H, W]` there).
 * @example new RandomRotation(15).call(img)
 */
export class RandomRotation extends Transform {
  readonly degrees: number[];
  readonly interpolation: Interpolation;
  readonly expand: boolean;
  readonly center: readonly number[] | null;
  readonly fill: number | readonly number[];
  protected readonly args: readonly unknown[];

  constructor(degrees: number | readonly number[], opts?: RandomRotationOptions);
  constructor(degrees: number | readonly number[], ...args: unknown[]);
  constructor(...args: unknown[]) {
    super();
    const a = ROTATION.parse(args);
    this.degrees = setupAngle(a.degrees, 'degrees', [2]);
    if (a.center !== null) checkLength(a.center, 'center', [2]);
    this.interpolation = checkInterpolation(a.interpolation);
    this.expand = a.expand;
    this.center = a.center;
    this.fill = a.fill;
    this.args = [this.degrees, { interpolation: this.interpolation, expand: this.expand, center: this.center, fill: this.fill }];
  }

  call(img: Tensor): Tensor {
    const fill = fillFor(this.fill, img);
    const angle = drawUniform(this.degrees[0]!, this.degrees[1]!);
    // torchvision rotates by -angle in its affine convention
    const m = inverseAffineMatrix(centreOf(this.center, img), -angle, [0, 0], 1, [0, 0]);
    const [, h, w] = dimensions(img);
    const [ow, oh] = this.expand ? affineOutputSize(m, w, h) : [w, h];
    return warp(img, m, this.interpolation, fill, ow, oh);
  }

  protected override describe(): string {
    return `degrees=[${this.degrees.join(', ')}], interpolation=${this.interpolation}, expand=${this.expand}, fill=${JSON.stringify(this.fill)}`;
  }
}

/** Options of {@link RandomAffine}. */
export interface RandomAffineOptions {
  translate?: readonly number[] | null;
  scale?: readonly number[] | null;
  shear?: number | readonly number[] | null;
  interpolation?: Interpolation;
  fill?: number | readonly number[];
  center?: readonly number[] | null;
}

/** Python's round(): halves to even. */
function pyRound(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * `torchvision.transforms.RandomAffine(degrees, translate=None, scale=None, shear=None, interpolation='nearest', fill=0, center=None)`:
 * a random rotation, translation (fractions of width and height), scale and shear (x, or x then y),
 * drawn in torchvision's order.
 * @example new RandomAffine(10, { translate: [0.1, 0.1], scale: [0.9, 1.1] }).call(img)
 */
export class RandomAffine extends Transform {
  readonly degrees: number[];
  readonly translate: readonly number[] | null;
  readonly scale: readonly number[] | null;
  readonly shear: number[] | null;
  readonly interpolation: Interpolation;
  readonly fill: number | readonly number[];
  readonly center: readonly number[] | null;
  protected readonly args: readonly unknown[];

  constructor(degrees: number | readonly number[], opts?: RandomAffineOptions);
  constructor(degrees: number | readonly number[], ...args: unknown[]);
  constructor(...args: unknown[]) {
    super();
    const a = AFFINE.parse(args);
    this.degrees = setupAngle(a.degrees, 'degrees', [2]);
    if (a.translate !== null) {
      checkLength(a.translate, 'translate', [2]);
      if (a.translate.some((t) => !(t >= 0 && t <= 1))) throw new ValueError('translation values should be between 0 and 1');
    }
    if (a.scale !== null) {
      checkLength(a.scale, 'scale', [2]);
      if (a.scale.some((s) => s <= 0)) throw new ValueError('scale values should be positive');
    }
    if (a.center !== null) checkLength(a.center, 'center', [2]);
    if (typeof a.fill !== 'number' && !Array.isArray(a.fill)) throw new TorchTypeError('Fill should be either a sequence or a number.');
    this.translate = a.translate;
    this.scale = a.scale;
    this.shear = a.shear === null ? null : setupAngle(a.shear, 'shear', [2, 4]);
    this.interpolation = checkInterpolation(a.interpolation);
    this.fill = a.fill;
    this.center = a.center;
    this.args = [this.degrees, { translate: this.translate, scale: this.scale, shear: this.shear, interpolation: this.interpolation, fill: this.fill, center: this.center }];
  }

  call(img: Tensor): Tensor {
    const fill = fillFor(this.fill, img);
    const [, h, w] = dimensions(img);
    const angle = drawUniform(this.degrees[0]!, this.degrees[1]!);
    let translate: [number, number] = [0, 0];
    if (this.translate !== null) {
      const dx = this.translate[0]! * w;
      const dy = this.translate[1]! * h;
      translate = [pyRound(drawUniform(-dx, dx)), pyRound(drawUniform(-dy, dy))];
    }
    const scale = this.scale === null ? 1 : drawUniform(this.scale[0]!, this.scale[1]!);
    let shear: [number, number] = [0, 0];
    if (this.shear !== null) {
      const sx = drawUniform(this.shear[0]!, this.shear[1]!);
      shear = [sx, this.shear.length === 4 ? drawUniform(this.shear[2]!, this.shear[3]!) : 0];
    }
    const m = inverseAffineMatrix(centreOf(this.center, img), angle, translate, scale, shear);
    return warp(img, m, this.interpolation, fill, w, h);
  }

  protected override describe(): string {
    return `degrees=[${this.degrees.join(', ')}], translate=${JSON.stringify(this.translate)}, scale=${JSON.stringify(this.scale)}, shear=${JSON.stringify(this.shear)}`;
  }
}
