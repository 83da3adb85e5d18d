// MNIST, Fashion-MNIST and Kuzushiji-MNIST: 28×28 grayscale images in IDX files
// (gzip or plain), with torchvision's mirrors and MD5 checksums.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, tensor } from '@torchlet/tensor';
import { tensorFromArray } from '../tensorFromArray.js';
import { download } from './download.js';
import { fetchBytes, firstExisting, gunzip, isGzip, joinPath, nodeFs, readMaybeGzipSync, writeFileAtomic } from './files.js';
import type { IdxArray } from './idx.js';
import { parseIdx } from './idx.js';
import type { VisionDatasetOptions } from './visionDataset.js';
import { VisionDataset, visionSignature } from './visionDataset.js';

const SIGNATURES = { MNIST: visionSignature('MNIST'), FashionMNIST: visionSignature('FashionMNIST'), KMNIST: visionSignature('KMNIST') };

/** A dataset file and its MD5, as torchvision lists them. */
export type Resource = readonly [file: string, md5: string];

/**
 * `torchvision.datasets.MNIST(root, train=True, transform=None, target_transform=None, download=False)`:
 * 28×28 handwritten digits. Sample `i` is `[image, label]`: a uint8 `[28, 28]` tensor and a number.
 * Files are looked for in `root/MNIST/raw` (where `download` puts them), then in `root`, gzipped or not.
 * Subclasses set `mirrors`, `resources` and `classes`, as torchvision's do.
 * @example const train = new MNIST('data', { download: true }); await train.ready();
 */
export class MNIST extends VisionDataset {
  /** Where `download` fetches from, tried in order. */
  static mirrors: readonly string[] = ['http://yann.lecun.com/exdb/mnist/', 'https://ossci-datasets.s3.amazonaws.com/mnist/'];
  /** The four gzipped files and their MD5 checksums. */
  static resources: readonly Resource[] = [
    ['train-images-idx3-ubyte.gz', 'f68b3c2dcbeaaa9fbdd348bbdeb94873'],
    ['train-labels-idx1-ubyte.gz', 'd53e105ee54ea40749a09fcbcd1e9432'],
    ['t10k-images-idx3-ubyte.gz', '9fb629c4189551a2d022fa330f9573f3'],
    ['t10k-labels-idx1-ubyte.gz', 'ec29112dd5afa0611ce80d1b7f02629c'],
  ];
  static classes: readonly string[] = ['0 - zero', '1 - one', '2 - two', '3 - three', '4 - four', '5 - five', '6 - six', '7 - seven', '8 - eight', '9 - nine'];
  /** Other folders holding the files (system packages), searched after `root`. */
  static systemFolders: readonly string[] = [];

  constructor(root: string, opts?: VisionDatasetOptions);
  constructor(root: string, ...args: unknown[]);
  constructor(...args: unknown[]) {
    const name = new.target.folderName;
    const a = (SIGNATURES[name as keyof typeof SIGNATURES] ?? SIGNATURES.MNIST).parse(args);
    super(a);
    this.start(a.download);
  }

  /** The class's folder and export name. */
  static get folderName(): string {
    return 'MNIST';
  }

  protected get exportName(): string {
    return (this.constructor as typeof MNIST).folderName;
  }

  private get statics(): typeof MNIST {
    return this.constructor as typeof MNIST;
  }

  /** The class names, by label. @example new FashionMNIST('data').classes[9] // 'Ankle boot' */
  get classes(): readonly string[] {
    return this.statics.classes;
  }

  /** The labels as an int64 tensor (torchvision's `targets`). @example ds.targets.shape // [60000] */
  get targets(): Tensor {
    return tensor(Array.from(this.labelBytes()), { dtype: 'int64' });
  }

  private labelBytes(): Uint8Array {
    if (this.labels === undefined) throw new RuntimeError(`${this.exportName} is still loading: await dataset.ready() first`);
    return this.labels;
  }

  /** Where `download` writes: `root/<Name>/raw`. @example new MNIST('data').rawFolder // 'data/MNIST/raw' */
  get rawFolder(): string {
    return joinPath(this.root, this.exportName, 'raw');
  }

  /** The two files of the split, without `.gz`. */
  private files(): [images: string, labels: string] {
    const prefix = this.train ? 'train' : 't10k';
    return [`${prefix}-images-idx3-ubyte`, `${prefix}-labels-idx1-ubyte`];
  }

  private folders(): string[] {
    return [this.rawFolder, this.root, ...this.statics.systemFolders];
  }

  protected searched(): string {
    return `${this.folders().join(', ')} for ${this.files().map((f) => `${f}[.gz]`).join(' and ')}`;
  }

  private find(base: string): string | undefined {
    return firstExisting(this.folders().flatMap((d) => [joinPath(d, base), joinPath(d, `${base}.gz`)]));
  }

  protected loadSync(): boolean {
    const [imagesFile, labelsFile] = this.files().map((f) => this.find(f));
    if (imagesFile === undefined || labelsFile === undefined) return false;
    this.fill(parseIdx(readMaybeGzipSync(imagesFile), imagesFile, 3), imagesFile, parseIdx(readMaybeGzipSync(labelsFile), labelsFile, 1), labelsFile);
    return true;
  }

  protected async loadAsync(allowDownload: boolean): Promise<void> {
    const parsed: IdxArray[] = [];
    const names: string[] = [];
    for (const [k, base] of this.files().entries()) {
      let located: [string, Uint8Array] | undefined;
      if (nodeFs() !== undefined) {
        const found = this.find(base);
        if (found !== undefined) located = [found, readMaybeGzipSync(found)];
      } else {
        for (const url of this.folders().flatMap((d) => [joinPath(d, `${base}.gz`), joinPath(d, base)])) {
          const bytes = await fetchBytes(url);
          if (bytes !== undefined) {
            located = [url, isGzip(bytes) ? await gunzip(bytes, url) : bytes];
            break;
          }
        }
      }
      if (located === undefined && allowDownload) located = await this.downloadOne(`${base}.gz`);
      if (located === undefined) throw new RuntimeError(`Dataset not found. You can use download=True to download it (looked in ${this.searched()})`);
      parsed.push(parseIdx(located[1], located[0], k === 0 ? 3 : 1));
      names.push(located[0]);
    }
    this.fill(parsed[0]!, names[0]!, parsed[1]!, names[1]!);
  }

  /** Downloads one gzipped file; in Node it is kept in rawFolder, gzipped and extracted, as torchvision does. */
  private async downloadOne(file: string): Promise<[string, Uint8Array]> {
    const md5 = this.statics.resources.find(([f]) => f === file)?.[1];
    if (md5 === undefined) throw new RuntimeError(`${this.exportName}: no resource '${file}'`);
    const gz = await download(this.statics.mirrors, file, md5);
    const plain = await gunzip(gz, file);
    if (nodeFs() === undefined) return [file, plain];
    const path = joinPath(this.rawFolder, file.slice(0, -3));
    writeFileAtomic(joinPath(this.rawFolder, file), gz);
    writeFileAtomic(path, plain);
    return [path, plain];
  }

  /** Checks the two files agree, then keeps their contents as tensors. */
  private fill(images: IdxArray, imagesFile: string, labels: IdxArray, labelsFile: string): void {
    const n = images.shape[0]!;
    if (labels.shape[0] !== n) throw new RuntimeError(`${labelsFile}: size mismatch: ${labels.shape[0]} labels for the ${n} images of ${imagesFile}`);
    const classes = this.statics.classes.length;
    const bad = labels.data.findIndex((v) => v >= classes);
    if (bad >= 0) throw new RuntimeError(`${labelsFile}: label ${labels.data[bad]} at byte ${8 + bad} is not a class (0 to ${classes - 1})`);
    this.images = tensorFromArray(images.data, images.shape, 'uint8');
    this.labels = labels.data.slice();
  }
}

/**
 * `torchvision.datasets.FashionMNIST(root, train=True, …)`: 28×28 grayscale images of clothes,
 * 10 classes. Besides `root`, it finds the files of Debian's `dataset-fashion-mnist` package
 * (`/usr/share/datasets/fashion-mnist`).
 * @example const ds = new FashionMNIST('data', { transform: new ToTensor() }); ds.get(0)[0].shape // [1, 28, 28]
 */
export class FashionMNIST extends MNIST {
  static override mirrors: readonly string[] = ['http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'];
  static override resources: readonly Resource[] = [
    ['train-images-idx3-ubyte.gz', '8d4fb7e6c68d591d4c3dfef9ec88bf0d'],
    ['train-labels-idx1-ubyte.gz', '25c81989df183df01b3e8a0aad5dffbe'],
    ['t10k-images-idx3-ubyte.gz', 'bef4ecab320f06d8554ea6380940ec79'],
    ['t10k-labels-idx1-ubyte.gz', 'bb300cfdad3c16e7a12a480ee83cd310'],
  ];
  static override classes: readonly string[] = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
  static override systemFolders: readonly string[] = ['/usr/share/datasets/fashion-mnist'];

  static override get folderName(): string {
    return 'FashionMNIST';
  }
}

/**
 * `torchvision.datasets.KMNIST(root, train=True, …)`: 28×28 images of cursive Japanese characters, 10 classes.
 * @example const ds = new KMNIST('data', { download: true }); await ds.ready();
 */
export class KMNIST extends MNIST {
  static override mirrors: readonly string[] = ['http://codh.rois.ac.jp/kmnist/dataset/kmnist/'];
  static override resources: readonly Resource[] = [
    ['train-images-idx3-ubyte.gz', 'bdb82020997e1d708af4cf47b453dcf7'],
    ['train-labels-idx1-ubyte.gz', 'e144d726b3acfaa3e44228e80efcd344'],
    ['t10k-images-idx3-ubyte.gz', '5c965bf0a639b31b8f53240b1b52f4d7'],
    ['t10k-labels-idx1-ubyte.gz', '7320c461ea6c1c855c0b718fb2a4b134'],
  ];
  static override classes: readonly string[] = ['o', 'ki', 'su', 'tsu', 'na', 'ha', 'ma', 'ya', 're', 'wo'];

  static override get folderName(): string {
    return 'KMNIST';
  }
}
