// Downloading a dataset file from its mirrors, with torchvision's MD5 check.

import { RuntimeError } from '@torchlet/tensor';
import { md5 } from './md5.js';

/**
 * The bytes of `file` from the first mirror that serves it (`mirror + file`), checked against
 * `expectedMd5`. A mirror that cannot be reached or answers an HTTP error is skipped; a file
 * whose checksum differs is an error that names it.
 * @example const bytes = await download(['https://ossci-datasets.s3.amazonaws.com/mnist/'], 'train-labels-idx1-ubyte.gz', 'd53e105ee54ea40749a09fcbcd1e9432');
 */
export async function download(mirrors: readonly string[], file: string, expectedMd5: string, log: (line: string) => void = console.log): Promise<Uint8Array> {
  const failures: string[] = [];
  for (const mirror of mirrors) {
    const url = `${mirror}${file}`;
    log(`Downloading ${url}`);
    let bytes: Uint8Array;
    try {
      const r = await fetch(url);
      if (!r.ok) throw new Error(`HTTP ${r.status} ${r.statusText}`);
      bytes = new Uint8Array(await r.arrayBuffer());
    } catch (e) {
      failures.push(`${url}: ${(e as Error).message}`);
      log(`Failed to download (trying next): ${(e as Error).message}`);
      continue;
    }
    const got = md5(bytes);
    if (got !== expectedMd5) throw new RuntimeError(`${file}: MD5 checksum mismatch (downloaded from ${url}): expected ${expectedMd5}, got ${got}`);
    return bytes;
  }
  throw new RuntimeError(`Error downloading ${file}:\n${failures.join('\n')}`);
}
