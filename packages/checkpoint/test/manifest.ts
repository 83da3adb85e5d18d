// The manifests of tools/torch_checkpoint.py (what PyTorch sees in a file) and a matcher that
// checks a value torchlet loaded against one: keys, dtypes, shapes, strides, offsets, storage
// sharing and the sha256 of every tensor's bytes.
import { expect } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import { isTensor } from '@torchlet/tensor';
import { tensorBytes } from '../src/bytes/tensorBytes.js';
import { RawTensor } from '../src/safetensors/raw.js';

export type Manifest =
  | null | boolean | number | string | Manifest[]
  | { $tensor: { dtype: string; shape: number[]; stride: number[]; offset: number; storage: number; sha256: string } }
  | { $raw: { dtype: string; shape: number[]; sha256: string } }
  | { $dict: [string | number, Manifest][] }
  | { $float: string } | { $int: string } | { $dtype: string };

/** The hex SHA-256 of bytes (WebCrypto: Node and browsers). */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const FLOATS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

/**
 * Checks `value` against `m` at `path`. Storages must map one to one (`storages`: manifest storage
 * number -> torchlet storage), so sharing is the same on both sides. `strides: false` skips
 * strides, offsets and sharing (safetensors has none).
 */
export async function matchManifest(value: unknown, m: Manifest, path = '$', opts = { strides: true }, storages = new Map<number, unknown>()): Promise<void> {
  if (m === null || typeof m !== 'object') {
    expect(value, path).toBe(m);
    return;
  }
  if (Array.isArray(m)) {
    expect(Array.isArray(value), `${path} is an array`).toBe(true);
    const arr = value as unknown[];
    expect(arr.length, path).toBe(m.length);
    for (let i = 0; i < m.length; i++) await matchManifest(arr[i], m[i]!, `${path}[${i}]`, opts, storages);
    return;
  }
  if ('$float' in m) {
    expect(Object.is(value, FLOATS[m.$float]) || (Number.isNaN(value) && m.$float === 'nan'), `${path} = ${m.$float}`).toBe(true);
    return;
  }
  if ('$int' in m) {
    expect(value, path).toBe(BigInt(m.$int));
    return;
  }
  if ('$dtype' in m) {
    expect(value, path).toBe(m.$dtype);
    return;
  }
  if ('$dict' in m) {
    const obj = value as Record<string, unknown>;
    expect(typeof obj, `${path} is an object`).toBe('object');
    expect(Object.keys(obj).sort(), `${path} keys`).toEqual(m.$dict.map(([k]) => String(k)).sort());
    for (const [k, v] of m.$dict) await matchManifest(obj[String(k)], v, `${path}.${k}`, opts, storages);
    return;
  }
  if ('$raw' in m) {
    expect(value instanceof RawTensor, `${path} is a RawTensor`).toBe(true);
    const raw = value as RawTensor;
    expect([raw.dtype, [...raw.shape]], path).toEqual([m.$raw.dtype, m.$raw.shape]);
    expect(await sha256(raw.data), `${path} bytes`).toBe(m.$raw.sha256);
    return;
  }
  const want = m.$tensor;
  if (value instanceof RawTensor) {
    // a dtype torchlet lacks (int16): its bytes must still be PyTorch's
    expect([...value.shape], path).toEqual(want.shape);
    expect(await sha256(value.data), `${path} bytes`).toBe(want.sha256);
    return;
  }
  expect(isTensor(value), `${path} is a Tensor`).toBe(true);
  const t = value as Tensor;
  expect(t.dtype, `${path} dtype`).toBe(want.dtype);
  expect([...t.shape], `${path} shape`).toEqual(want.shape);
  expect(await sha256(await tensorBytes(t)), `${path} bytes`).toBe(want.sha256);
  if (!opts.strides) return;
  expect([...t.strides], `${path} strides`).toEqual(want.stride);
  expect(t.offset, `${path} offset`).toBe(want.offset);
  if (t.numel() === 0) return;
  const seen = storages.get(want.storage);
  if (seen === undefined) {
    expect([...storages.values()].includes(t.storage), `${path} has a storage of its own`).toBe(false);
    storages.set(want.storage, t.storage);
  } else {
    expect(seen === t.storage, `${path} shares storage ${want.storage}`).toBe(true);
  }
}

export interface ManifestFile {
  torch: string;
  files: Record<string, Manifest>;
}
