// What the image-classification datasets share (torchvision's VisionDataset):
// root, train split, transform and targetTransform; files read in the
// constructor where that can be done synchronously (Node), else asynchronously
// (downloads, browsers) behind `await dataset.ready()`.

import type { Tensor } from '@torchlet/tensor';
import { IndexError, RuntimeError, TorchTypeError, signature } from '@torchlet/tensor';
import { Dataset } from '../dataset/dataset.js';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';
import { nodeFs } from './files.js';
import type { TransformLike } from './transformLike.js';
import { applyTransform, isTransformLike } from './transformLike.js';

/** Options of the vision datasets (torchvision's keyword arguments, camelCased). */
export interface VisionDatasetOptions {
  /** The training split (true) or the test split. */
  train?: boolean;
  /** Applied to each image (a uint8 tensor, as the PIL image would be by `pilToTensor`, but without the channel dimension for grayscale). */
  transform?: TransformLike<Tensor, Tensor> | null;
  /** Applied to each label. */
  targetTransform?: TransformLike<number, number | Tensor> | null;
  /** Download the files from the dataset's mirrors when they are missing (then `await dataset.ready()`). */
  download?: boolean;
}

type Bound = { root: string; train: boolean; transform: unknown; targetTransform: unknown; download: boolean };

/** The shared signature of the torchvision datasets, under a class name. */
export function visionSignature(name: string) {
  return signature<{ '': Bound }>(`${name}(str root, bool train=True, Any transform=None, Any target_transform=None, bool download=False)`);
}

/** A sample: the image and its label (or what the transforms made of them). */
export type VisionSample = [Tensor, number | Tensor];

/**
 * The base of the file-backed datasets: images and labels held in memory once loaded.
 * @example const ds = new FashionMNIST('data'); const [image, label] = ds.get(0);
 */
export abstract class VisionDataset extends Dataset<VisionSample> {
  readonly root: string;
  readonly train: boolean;
  readonly transform: TransformLike<Tensor, Tensor> | null;
  readonly targetTransform: TransformLike<number, number | Tensor> | null;
  /** The images, uint8, one per row. */
  protected images: Tensor | undefined;
  /** The labels, one byte each. */
  protected labels: Uint8Array | undefined;
  private loading: Promise<this> | undefined;

  /** The class's export name (also its folder under `root`, as torchvision's class name). */
  protected abstract get exportName(): string;
  /** Loads the files synchronously where it can (Node); false when they are not there. */
  protected abstract loadSync(): boolean;
  /** Loads asynchronously: downloading first when asked to and needed; fetching in browsers. */
  protected abstract loadAsync(download: boolean): Promise<void>;
  /** Where the files were looked for, for the not-found message. */
  protected abstract searched(): string;

  protected constructor(bound: Bound) {
    super();
    for (const [k, v] of [['transform', bound.transform], ['targetTransform', bound.targetTransform]] as const) {
      if (v !== null && !isTransformLike(v)) throw new TorchTypeError(`${k} must be a function or have a call() method`);
    }
    this.root = bound.root;
    this.train = bound.train;
    this.transform = bound.transform as TransformLike<Tensor, Tensor> | null;
    this.targetTransform = bound.targetTransform as TransformLike<number, number | Tensor> | null;
  }

  /** Starts loading (called by each subclass constructor once its own fields are set). */
  protected start(download: boolean): void {
    if (nodeFs() !== undefined && this.loadSync()) {
      this.loading = Promise.resolve(this);
      return;
    }
    if (nodeFs() !== undefined && !download) {
      throw new RuntimeError(`Dataset not found. You can use download=True to download it (looked in ${this.searched()})`);
    }
    this.loading = this.loadAsync(download).then(() => this);
    // a failure surfaces through ready(); it must not also be an unhandled rejection
    this.loading.catch(() => undefined);
  }

  /**
   * Resolves once the files are loaded (at once when the constructor could read them).
   * @example const ds = await new FashionMNIST('data', { download: true }).ready();
   */
  ready(): Promise<this> {
    return this.loading!;
  }

  private loaded(): [Tensor, Uint8Array] {
    if (this.images === undefined || this.labels === undefined) throw new RuntimeError(`${this.exportName} is still loading: await dataset.ready() first`);
    return [this.images, this.labels];
  }

  /** `len(dataset)`. */
  get length(): number {
    return this.loaded()[1].length;
  }

  /** The images as one uint8 tensor (torchvision's `data`). @example ds.data.shape // [60000, 28, 28] */
  get data(): Tensor {
    return this.loaded()[0];
  }

  /** `dataset[index]`: `[image, label]` after the transforms. @example const [img, label] = ds.get(0); */
  get(index: number): VisionSample {
    const [images, labels] = this.loaded();
    const n = labels.length;
    const i = index < 0 ? index + n : index;
    if (!(i >= 0 && i < n)) throw new IndexError(`index ${index} is out of bounds for dimension 0 with size ${n}`);
    const img = images.at(i);
    const label = labels[i]!;
    return [this.transform === null ? img : applyTransform(this.transform, img), this.targetTransform === null ? label : applyTransform(this.targetTransform, label)];
  }

  /** Workers read the files again (they are not sent). @example ds.workerSpec().name // 'FashionMNIST' */
  override workerSpec(): WorkerSpec {
    const opts = { train: this.train, transform: this.transform, targetTransform: this.targetTransform, download: false };
    return { module: BUILTIN, name: this.exportName, args: [this.root, opts] };
  }
}
