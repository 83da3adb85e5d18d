// CIFAR-10 and CIFAR-100, binary version: fixed-size records of label byte(s)
// followed by 32×32 pixels, red plane, green plane, blue plane.

import { RuntimeError } from '@torchlet/tensor';
import { tensorFromArray } from '../tensorFromArray.js';
import { download } from './download.js';
import { fetchBytes, firstExisting, gunzip, joinPath, nodeFs, readFileSync, writeFileAtomic } from './files.js';
import { untar } from './tar.js';
import type { VisionDatasetOptions } from './visionDataset.js';
import { VisionDataset, visionSignature } from './visionDataset.js';

const SIGNATURES = { CIFAR10: visionSignature('CIFAR10'), CIFAR100: visionSignature('CIFAR100') };
const PIXELS = 32 * 32 * 3;

/**
 * `torchvision.datasets.CIFAR10(root, train=True, transform=None, target_transform=None, download=False)`
 * from the binary version (`cifar-10-binary.tar.gz`, extracted to `root/cifar-10-batches-bin`).
 * Sample `i` is `[image, label]`: a uint8 `[32, 32, 3]` tensor (height, width, channel, as the
 * PIL image: `ToTensor` / `PILToTensor` make it `[3, 32, 32]`) and a number.
 * @example const ds = new CIFAR10('data', { transform: new ToTensor() }); ds.get(0)[0].shape // [3, 32, 32]
 */
export class CIFAR10 extends VisionDataset {
  static url = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
  static tgzMd5 = 'c32a1d4ab5d03f1284b67883e8d87530';
  /** The folder the archive extracts to. */
  static baseFolder = 'cifar-10-batches-bin';
  static trainList: readonly string[] = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'];
  static testList: readonly string[] = ['test_batch.bin'];
  /** Label bytes before the pixels of a record; the label used is the last (CIFAR-100: coarse, then fine). */
  static labelBytes = 1;
  static classes: readonly string[] = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

  constructor(root: string, opts?: VisionDatasetOptions);
  constructor(root: string, ...args: unknown[]);
  constructor(...args: unknown[]) {
    const a = (SIGNATURES[new.target.exportName as keyof typeof SIGNATURES] ?? SIGNATURES.CIFAR10).parse(args);
    super(a);
    this.start(a.download);
  }

  /** The class's export name. */
  static get exportName(): string {
    return 'CIFAR10';
  }

  protected get exportName(): string {
    return this.statics.exportName;
  }

  private get statics(): typeof CIFAR10 {
    return this.constructor as typeof CIFAR10;
  }

  /** The class names, by label. @example new CIFAR10('data').classes[3] // 'cat' */
  get classes(): readonly string[] {
    return this.statics.classes;
  }

  /** The labels (torchvision's `targets`, a list). @example ds.targets[0] // 6 */
  get targets(): number[] {
    return Array.from(this.labels ?? []);
  }

  private get folder(): string {
    return joinPath(this.root, this.statics.baseFolder);
  }

  private fileList(): readonly string[] {
    return this.train ? this.statics.trainList : this.statics.testList;
  }

  protected searched(): string {
    return `${this.folder} for ${this.fileList().join(', ')}`;
  }

  protected loadSync(): boolean {
    const paths = this.fileList().map((f) => joinPath(this.folder, f));
    if (paths.some((p) => firstExisting([p]) === undefined)) return false;
    this.fill(paths.map((p) => [p, readFileSync(p)]));
    return true;
  }

  protected async loadAsync(allowDownload: boolean): Promise<void> {
    if (nodeFs() !== undefined) {
      if (allowDownload) await this.downloadArchive();
      if (!this.loadSync()) throw new RuntimeError(`Dataset not found or corrupted. You can use download=True to download it (looked in ${this.searched()})`);
      return;
    }
    const files: [string, Uint8Array][] = [];
    for (const f of this.fileList()) {
      const url = joinPath(this.folder, f);
      const bytes = await fetchBytes(url);
      if (bytes === undefined) {
        if (!allowDownload) throw new RuntimeError(`Dataset not found or corrupted. You can use download=True to download it (looked for ${url})`);
        const archive = await this.fetchArchive();
        this.fill(this.fileList().map((name) => [name, this.member(archive, name)]));
        return;
      }
      files.push([url, bytes]);
    }
    this.fill(files);
  }

  private async fetchArchive(): Promise<Map<string, Uint8Array>> {
    const s = this.statics;
    const file = s.url.slice(s.url.lastIndexOf('/') + 1);
    const tgz = await download([s.url.slice(0, s.url.length - file.length)], file, s.tgzMd5);
    return untar(await gunzip(tgz, file), file);
  }

  private member(archive: Map<string, Uint8Array>, name: string): Uint8Array {
    const path = `${this.statics.baseFolder}/${name}`;
    const bytes = archive.get(path);
    if (bytes === undefined) throw new RuntimeError(`${this.statics.url}: the archive has no ${path}`);
    return bytes;
  }

  /** Downloads and extracts the archive into root, unless the files are there (Node). */
  private async downloadArchive(): Promise<void> {
    if (this.fileList().every((f) => firstExisting([joinPath(this.folder, f)]) !== undefined)) return;
    const archive = await this.fetchArchive();
    for (const [path, bytes] of archive) writeFileAtomic(joinPath(this.root, path), bytes);
  }

  /** Checks every file is whole records with valid labels, then keeps images (HWC) and labels. */
  private fill(files: [string, Uint8Array][]): void {
    const s = this.statics;
    const record = s.labelBytes + PIXELS;
    let total = 0;
    for (const [name, bytes] of files) {
      if (bytes.length === 0 || bytes.length % record !== 0) {
        const whole = Math.floor(bytes.length / record);
        throw new RuntimeError(`${name}: size mismatch: ${bytes.length} bytes is not a whole number of ${record}-byte records (record ${whole} starts at byte ${whole * record} and is cut short)`);
      }
      total += bytes.length / record;
    }
    const images = new Uint8Array(total * PIXELS);
    const labels = new Uint8Array(total);
    let k = 0;
    for (const [name, bytes] of files) {
      for (let off = 0; off < bytes.length; off += record, k++) {
        const label = bytes[off + s.labelBytes - 1]!;
        if (label >= s.classes.length) throw new RuntimeError(`${name}: label ${label} at byte ${off + s.labelBytes - 1} is not a class (0 to ${s.classes.length - 1})`);
        labels[k] = label;
        // planes R, G, B → height, width, channel
        const src = off + s.labelBytes;
        const dst = k * PIXELS;
        for (let p = 0; p < 1024; p++) {
          images[dst + 3 * p] = bytes[src + p]!;
          images[dst + 3 * p + 1] = bytes[src + 1024 + p]!;
          images[dst + 3 * p + 2] = bytes[src + 2048 + p]!;
        }
      }
    }
    this.images = tensorFromArray(images, [total, 32, 32, 3], 'uint8');
    this.labels = labels;
  }
}

/**
 * `torchvision.datasets.CIFAR100(root, train=True, …)` from the binary version
 * (`cifar-100-binary.tar.gz`, extracted to `root/cifar-100-binary`); labels are the 100 fine classes.
 * @example const ds = new CIFAR100('data', { download: true }); await ds.ready();
 */
export class CIFAR100 extends CIFAR10 {
  static override url = 'https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz';
  static override tgzMd5 = '03b5dce01913d631647c71ecec9e9cb8';
  static override baseFolder = 'cifar-100-binary';
  static override trainList: readonly string[] = ['train.bin'];
  static override testList: readonly string[] = ['test.bin'];
  static override labelBytes = 2;
  static override classes: readonly string[] = [
    'apple', 'aquarium_fish', 'baby', 'bear', 'beaver', 'bed', 'bee', 'beetle', 'bicycle', 'bottle', 'bowl', 'boy', 'bridge', 'bus',
    'butterfly', 'camel', 'can', 'castle', 'caterpillar', 'cattle', 'chair', 'chimpanzee', 'clock', 'cloud', 'cockroach', 'couch',
    'crab', 'crocodile', 'cup', 'dinosaur', 'dolphin', 'elephant', 'flatfish', 'forest', 'fox', 'girl', 'hamster', 'house',
    'kangaroo', 'keyboard', 'lamp', 'lawn_mower', 'leopard', 'lion', 'lizard', 'lobster', 'man', 'maple_tree', 'motorcycle',
    'mountain', 'mouse', 'mushroom', 'oak_tree', 'orange', 'orchid', 'otter', 'palm_tree', 'pear', 'pickup_truck', 'pine_tree',
    'plain', 'plate', 'poppy', 'porcupine', 'possum', 'rabbit', 'raccoon', 'ray', 'road', 'rocket', 'rose', 'sea', 'seal', 'shark', 'shrew',
    'skunk', 'skyscraper', 'snail', 'snake', 'spider', 'squirrel', 'streetcar', 'sunflower', 'sweet_pepper', 'table', 'tank',
    'telephone', 'television', 'tiger', 'tractor', 'train', 'trout', 'tulip', 'turtle', 'wardrobe', 'whale', 'willow_tree', 'wolf',
    'woman', 'worm',
  ];

  static override get exportName(): string {
    return 'CIFAR100';
  }
}
