// The vision datasets on real files (Debian's Fashion-MNIST) and on small synthetic and corrupted
// ones written here; downloads from a local HTTP server (never the internet).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { manualSeed } from '@torchlet/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataLoader, Subset, datasets, transforms } from '../src/index.js';
import { md5 } from '../src/datasets/md5.js';
import { cases } from './fixtures.js';

const { CIFAR10, CIFAR100, FashionMNIST, KMNIST, MNIST } = datasets;
const DEBIAN = '/usr/share/datasets/fashion-mnist';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'torchlet-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder under the test's temporary directory. */
function folder(name: string): string {
  const p = join(dir, name);
  mkdirSync(p, { recursive: true });
  return p;
}

/** An IDX file of unsigned bytes: magic 0x0000080N, dimensions, elements. */
function idx(shape: number[], data: Uint8Array): Uint8Array {
  const head = Buffer.alloc(4 + 4 * shape.length);
  head.writeUInt32BE(0x0800 | shape.length, 0);
  shape.forEach((s, i) => head.writeUInt32BE(s, 4 + 4 * i));
  return new Uint8Array(Buffer.concat([head, data]));
}

/** n synthetic 28×28 images (pixel = (i + 3k) mod 256) and labels k mod 10. */
function mnistFiles(n: number): { images: Uint8Array; labels: Uint8Array } {
  const px = new Uint8Array(n * 784).map((_, i) => (i % 784) + 3 * Math.floor(i / 784));
  return { images: idx([n, 28, 28], px), labels: idx([n], new Uint8Array(n).map((_, k) => k % 10)) };
}

describe('FashionMNIST on the real files (Debian dataset-fashion-mnist)', () => {
  const present = existsSync(join(DEBIAN, 'train-images-idx3-ubyte.gz'));
  for (const c of cases('fashion')) {
    it.runIf(present)(`${c.train ? 'train' : 'test'} split matches numpy's reading`, () => {
      // found through the system folder from any root, and with the folder itself as root
      for (const root of [join(dir, 'nowhere'), DEBIAN]) {
        const ds = new FashionMNIST(root, { train: c.train as boolean });
        expect(ds.length).toBe(c.length);
        const [img, label] = ds.get(0);
        expect(img.dtype).toBe('uint8');
        expect(img.shape).toEqual(c.shape);
        expect(Array.from(img.contiguous().dataSync() as Uint8Array)).toEqual(c.image0);
        expect(label).toBe((c.labels as number[])[0]);
        for (const [i, sum] of Object.entries(c.sums as Record<string, number>)) expect(ds.get(Number(i))[0].sum().itemSync()).toBe(sum);
        expect(Array.from({ length: 20 }, (_, i) => ds.get(i)[1])).toEqual(c.labels);
        const counts = new Array<number>(10).fill(0);
        for (const y of ds.targets.tolistSync() as number[]) counts[y]!++;
        expect(counts).toEqual(c.histogram);
      }
    });
  }

  it.runIf(present)('applies transform and targetTransform; classes and negative indices', () => {
    const ds = new FashionMNIST(DEBIAN, { train: false, transform: new transforms.ToTensor(), targetTransform: (y: number) => y + 100 });
    const [img, label] = ds.get(-1);
    expect(img.shape).toEqual([1, 28, 28]);
    expect(img.dtype).toBe('float32');
    expect(img.max().itemSync()).toBeLessThanOrEqual(1);
    expect(label).toBeGreaterThanOrEqual(100);
    expect(ds.classes[9]).toBe('Ankle boot');
    expect(() => ds.get(10000)).toThrow('index 10000 is out of bounds for dimension 0 with size 10000');
  });

  it.runIf(present)('loads in DataLoader workers as in the main thread (ToTensor + Normalize + RandomCrop)', async () => {
    const pipeline = new transforms.Compose([new transforms.ToTensor(), new transforms.Normalize([0.286], [0.353]), new transforms.RandomCrop(28, { padding: 2 })]);
    const ds = new Subset(new FashionMNIST(DEBIAN, { train: false, transform: pipeline }), Array.from({ length: 40 }, (_, i) => i * 7));
    const run = async (numWorkers: number): Promise<[unknown, unknown][]> => {
      manualSeed(1);
      const out: [unknown, unknown][] = [];
      for await (const [x, y] of new DataLoader(ds, { batchSize: 8, shuffle: true, numWorkers })) out.push([x.tolistSync(), y.tolistSync()]);
      return out;
    };
    const inline = await run(0);
    const workers = await run(2);
    expect(inline.length).toBe(5);
    // same order; the crops differ (workers draw from their own generators, as PyTorch's do)
    expect(workers.map(([, y]) => y)).toEqual(inline.map(([, y]) => y));
  });
});

describe('MNIST-format files', () => {
  it('reads plain and gzipped IDX files from root/<Name>/raw and from root', () => {
    const { images, labels } = mnistFiles(5);
    const a = folder('plain');
    mkdirSync(join(a, 'MNIST', 'raw'), { recursive: true });
    writeFileSync(join(a, 'MNIST', 'raw', 't10k-images-idx3-ubyte'), images);
    writeFileSync(join(a, 'MNIST', 'raw', 't10k-labels-idx1-ubyte'), labels);
    const ds = new MNIST(a, { train: false });
    expect(ds.length).toBe(5);
    expect(ds.data.shape).toEqual([5, 28, 28]);
    expect(ds.get(2)[0].at(0, 1).itemSync()).toBe(7);
    expect(ds.get(3)[1]).toBe(3);
    const b = folder('gz');
    writeFileSync(join(b, 'train-images-idx3-ubyte.gz'), gzipSync(images));
    writeFileSync(join(b, 'train-labels-idx1-ubyte.gz'), gzipSync(labels));
    const k = new KMNIST(b);
    expect(k.length).toBe(5);
    expect(k.classes[1]).toBe('ki');
    expect(k.rawFolder).toBe(`${b}/KMNIST/raw`);
  });

  it('names the file and the byte offset of what is wrong', () => {
    const { images, labels } = mnistFiles(3);
    const write = (name: string, img: Uint8Array, lab: Uint8Array): string => {
      const root = folder(name);
      writeFileSync(join(root, 'train-images-idx3-ubyte'), img);
      writeFileSync(join(root, 'train-labels-idx1-ubyte'), lab);
      return root;
    };
    const badMagic = images.slice();
    badMagic[2] = 0x0d;
    let root = write('magic', badMagic, labels);
    expect(() => new MNIST(root)).toThrow(`${root}/train-images-idx3-ubyte: wrong magic number 0x00000d03 (float elements, 3 dimensions) at byte 0, expected 0x00000803 (unsigned byte elements, 3 dimensions)`);
    root = write('header', images.slice(0, 10), labels);
    expect(() => new MNIST(root)).toThrow(`${root}/train-images-idx3-ubyte: truncated at byte 10: the header of 3 dimensions ends at byte 16`);
    root = write('short', images.slice(0, 16 + 784 * 2 + 5), labels);
    expect(() => new MNIST(root)).toThrow(`${root}/train-images-idx3-ubyte: truncated at byte 1589: dimensions [3, 28, 28] need 2352 bytes of data from byte 16 to byte 2368`);
    root = write('long', new Uint8Array([...images, 1, 2]), labels);
    expect(() => new MNIST(root)).toThrow(`${root}/train-images-idx3-ubyte: size mismatch: dimensions [3, 28, 28] end the data at byte 2368, but the file has 2 more bytes`);
    root = write('count', images, idx([2], new Uint8Array([1, 2])));
    expect(() => new MNIST(root)).toThrow(`${root}/train-labels-idx1-ubyte: size mismatch: 2 labels for the 3 images of ${root}/train-images-idx3-ubyte`);
    root = write('label', images, idx([3], new Uint8Array([1, 12, 2])));
    expect(() => new MNIST(root)).toThrow(`${root}/train-labels-idx1-ubyte: label 12 at byte 9 is not a class (0 to 9)`);
    root = folder('gzip');
    writeFileSync(join(root, 'train-images-idx3-ubyte.gz'), gzipSync(images).subarray(0, 40));
    writeFileSync(join(root, 'train-labels-idx1-ubyte'), labels);
    expect(() => new MNIST(root)).toThrow(`${root}/train-images-idx3-ubyte.gz: not a valid gzip file`);
    expect(() => new MNIST(folder('empty'))).toThrow('Dataset not found. You can use download=True to download it');
  });
});

describe('download', () => {
  let server: ReturnType<typeof createServer>;
  let base: string;
  const files = new Map<string, Uint8Array>();
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url!);
      const body = files.get(req.url!);
      res.writeHead(body === undefined ? 404 : 200).end(body === undefined ? undefined : Buffer.from(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('computes MD5 as RFC 1321 does', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(1000)]) {
      expect(md5(new TextEncoder().encode(s))).toBe(createHash('md5').update(s).digest('hex'));
    }
  });

  it.runIf(existsSync(DEBIAN))('fetches Fashion-MNIST from the first mirror that answers, checks MD5, keeps .gz and extracted files', async () => {
    for (const f of ['t10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz']) files.set(`/fashion/${f}`, readFileSync(join(DEBIAN, f)));
    const saved = { mirrors: FashionMNIST.mirrors, systemFolders: FashionMNIST.systemFolders, resources: FashionMNIST.resources };
    FashionMNIST.mirrors = ['http://127.0.0.1:9/', `${base}/missing/`, `${base}/fashion/`];
    FashionMNIST.systemFolders = [];
    // Debian recompressed the .gz files: their MD5s are not upstream's, so the served files' own are used
    FashionMNIST.resources = FashionMNIST.resources.map(([f, sum]) => [f, files.has(`/fashion/${f}`) ? md5(files.get(`/fashion/${f}`)!) : sum] as const);
    const logs: string[] = [];
    const log = console.log;
    console.log = (s: string) => logs.push(s);
    try {
      const root = folder('download');
      expect(() => new FashionMNIST(root, { train: false })).toThrow('Dataset not found');
      const pending = new FashionMNIST(root, { train: false, download: true });
      expect(() => pending.length).toThrow('FashionMNIST is still loading: await dataset.ready() first');
      const ds = await pending.ready();
      expect(ds.length).toBe(10000);
      for (const f of ['t10k-images-idx3-ubyte', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte']) expect(existsSync(join(root, 'FashionMNIST', 'raw', f))).toBe(true);
      expect(requests).toContain('/missing/t10k-images-idx3-ubyte.gz');
      expect(logs.some((l) => l.startsWith('Failed to download (trying next)'))).toBe(true);
      // the files are now there: a second dataset reads them without downloading
      expect(new FashionMNIST(root, { train: false }).length).toBe(10000);
      // a corrupted file fails the checksum, named
      files.set('/fashion/t10k-labels-idx1-ubyte.gz', new Uint8Array([1, 2, 3]));
      const bad = new FashionMNIST(folder('corrupt'), { train: false, download: true });
      await expect(bad.ready()).rejects.toThrow(/t10k-labels-idx1-ubyte.gz: MD5 checksum mismatch \(downloaded from http:\/\/127.0.0.1:\d+\/fashion\/t10k-labels-idx1-ubyte.gz\): expected 0d30e22e447f3c33dab9ed536400ac01, got 5289df737df57326fcdd22597afb1fac/);
    } finally {
      console.log = log;
      Object.assign(FashionMNIST, saved);
    }
  });

  /** A CIFAR binary record file: per image `labels` bytes then R, G, B planes. */
  function cifarRecords(n: number, labelBytes: number, label: (k: number) => number): Uint8Array {
    const rec = labelBytes + 3072;
    const out = new Uint8Array(n * rec);
    for (let k = 0; k < n; k++) {
      for (let b = 0; b < labelBytes; b++) out[k * rec + b] = b === labelBytes - 1 ? label(k) : 99;
      for (let p = 0; p < 3072; p++) out[k * rec + labelBytes + p] = (p + k) % 256;
    }
    return out;
  }

  /** A ustar archive of the given files. */
  function tar(entries: [string, Uint8Array][]): Uint8Array {
    const parts: Uint8Array[] = [];
    for (const [name, data] of entries) {
      const h = Buffer.alloc(512);
      h.write(name, 0);
      h.write('0000644\0', 100);
      h.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
      h.write('0', 156);
      h.write('ustar\0', 257);
      parts.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
    parts.push(Buffer.alloc(1024));
    return new Uint8Array(Buffer.concat(parts));
  }

  it('downloads and extracts CIFAR-10 and CIFAR-100 archives; images come out height, width, channel', async () => {
    const c10 = tar([
      ...[1, 2, 3, 4, 5].map((i) => [`cifar-10-batches-bin/data_batch_${i}.bin`, cifarRecords(2, 1, (k) => (k + i) % 10)] as [string, Uint8Array]),
      ['cifar-10-batches-bin/test_batch.bin', cifarRecords(3, 1, (k) => k)],
    ]);
    const c100 = tar([['cifar-100-binary/train.bin', cifarRecords(4, 2, (k) => 90 + k)], ['cifar-100-binary/test.bin', cifarRecords(1, 2, () => 7)]]);
    files.set('/cifar/cifar-10-binary.tar.gz', gzipSync(c10));
    files.set('/cifar/cifar-100-binary.tar.gz', gzipSync(c100));
    const saved = [CIFAR10.url, CIFAR10.tgzMd5, CIFAR100.url, CIFAR100.tgzMd5] as const;
    CIFAR10.url = `${base}/cifar/cifar-10-binary.tar.gz`;
    CIFAR10.tgzMd5 = md5(files.get('/cifar/cifar-10-binary.tar.gz')!);
    CIFAR100.url = `${base}/cifar/cifar-100-binary.tar.gz`;
    CIFAR100.tgzMd5 = md5(files.get('/cifar/cifar-100-binary.tar.gz')!);
    const log = console.log;
    console.log = () => undefined;
    try {
      const root = folder('cifar');
      const train = await new CIFAR10(root, { download: true }).ready();
      expect(train.length).toBe(10);
      expect(train.targets).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
      const [img, label] = train.get(1);
      expect(img.shape).toEqual([32, 32, 3]);
      expect(label).toBe(2);
      // pixel (row 0, column 2) of record 1: R at plane offset 2, G at 1024 + 2, B at 2048 + 2, each + 1
      expect(img.at(0, 2).tolistSync()).toEqual([3, 1027 % 256, 2051 % 256]);
      expect(new transforms.ToTensor().call(img).shape).toEqual([3, 32, 32]);
      const test = new CIFAR10(root, { train: false });
      expect(test.targets).toEqual([0, 1, 2]);
      expect(test.classes[2]).toBe('bird');
      const c = await new CIFAR100(root, { download: true }).ready();
      expect(c.targets).toEqual([90, 91, 92, 93]);
      expect(c.classes.length).toBe(100);
      expect(c.classes[93]).toBe('turtle');
      // a wrong checksum, and a file that is not whole records
      CIFAR10.tgzMd5 = '0'.repeat(32);
      await expect(new CIFAR10(folder('cifar-bad'), { download: true }).ready()).rejects.toThrow('cifar-10-binary.tar.gz: MD5 checksum mismatch');
      const cut = folder('cifar-cut');
      mkdirSync(join(cut, 'cifar-10-batches-bin'));
      writeFileSync(join(cut, 'cifar-10-batches-bin', 'test_batch.bin'), cifarRecords(2, 1, () => 0).subarray(0, 5000));
      expect(() => new CIFAR10(cut, { train: false })).toThrow(`${cut}/cifar-10-batches-bin/test_batch.bin: size mismatch: 5000 bytes is not a whole number of 3073-byte records (record 1 starts at byte 3073 and is cut short)`);
      writeFileSync(join(cut, 'cifar-10-batches-bin', 'test_batch.bin'), cifarRecords(2, 1, (k) => 10 + k));
      expect(() => new CIFAR10(cut, { train: false })).toThrow('test_batch.bin: label 10 at byte 0 is not a class (0 to 9)');
    } finally {
      console.log = log;
      [CIFAR10.url, CIFAR10.tgzMd5, CIFAR100.url, CIFAR100.tgzMd5] = saved;
    }
  });
});

describe('dataset options', () => {
  it('checks its arguments with the signature of torchvision', () => {
    expect(() => new FashionMNIST(DEBIAN, { trian: false } as never)).toThrow("FashionMNIST() got an unexpected keyword argument 'trian'");
    expect(() => new FashionMNIST(DEBIAN, { transform: 3 } as never)).toThrow('transform must be a function or have a call() method');
  });
});
