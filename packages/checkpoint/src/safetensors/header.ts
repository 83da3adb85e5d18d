// The safetensors header: an 8-byte little-endian length, then JSON naming each tensor's dtype,
// shape and byte range. The checks here are what makes the reader strict: every malformed header
// is a CheckpointError naming the file, the tensor and the problem.
import { CheckpointError } from '../errors.js';
import type { SafetensorsDtype } from './dtypes.js';
import { isSafetensorsDtype, SAFETENSORS_DTYPES } from './dtypes.js';
import type { Json } from './json.js';
import { JsonNumber, JsonSyntaxError, parseJson } from './json.js';

/** One tensor of a header; `begin`/`end` are byte offsets into the data after the header. */
export interface HeaderEntry {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  begin: number;
  end: number;
}

/** A validated header: entries in data order, by name, and the `__metadata__` strings. */
export interface Header {
  metadata: Record<string, string> | null;
  entries: HeaderEntry[];
  byName: Map<string, HeaderEntry>;
  /** Where the data starts in the file (8 + the header's length). */
  dataStart: number;
  /** Bytes of data the entries cover. */
  dataSize: number;
}

/** The largest header accepted, as the reference implementation (100 MB). */
export const MAX_HEADER_BYTES = 100_000_000;
const FIELDS = ['dtype', 'shape', 'data_offsets'];

/**
 * The header length from a file's first 8 bytes, checked against the file's size when known.
 * @example headerLength(Uint8Array.of(2, 0, 0, 0, 0, 0, 0, 0), 10, 'm.safetensors') // 2
 */
export function headerLength(prefix: Uint8Array, fileSize: number | undefined, file: string): number {
  if (prefix.byteLength < 8) throw new CheckpointError(file, `file has ${prefix.byteLength} bytes, fewer than the 8 of the header length`);
  const n = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (n === 0n) throw new CheckpointError(file, 'header is empty (length 0)');
  if (n > BigInt(MAX_HEADER_BYTES)) throw new CheckpointError(file, `header length ${n} exceeds the limit of ${MAX_HEADER_BYTES} bytes (100 MB)`);
  if (fileSize !== undefined && 8n + n > BigInt(fileSize)) {
    throw new CheckpointError(file, `header length ${n} is longer than the file (${fileSize} bytes, ${fileSize - 8} after the length)`);
  }
  return Number(n);
}

/**
 * Decodes and validates a header. `dataSize`, the bytes after it when known, must be covered exactly.
 * @example parseHeader(new TextEncoder().encode('{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}'), 'm.safetensors', 4)
 */
export function parseHeader(bytes: Uint8Array, file: string, dataSize?: number): Header {
  const text = decodeText(bytes, file);
  let root: Json;
  try {
    root = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) throw new CheckpointError(file, `header is not valid JSON: ${e.message}`, e.key !== undefined ? { tensor: e.key } : {});
    throw e;
  }
  if (!(root instanceof Map)) throw new CheckpointError(file, 'header is not a JSON object');
  let metadata: Record<string, string> | null = null;
  const entries: HeaderEntry[] = [];
  for (const [name, value] of root) {
    if (name === '__metadata__') metadata = parseMetadata(value, file);
    else entries.push(parseEntry(name, value, file));
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  let prev: HeaderEntry | undefined;
  for (const e of entries) {
    if (e.begin !== at) {
      const what = !prev
        ? 'do not start at 0 (the first tensor must start the data)'
        : e.begin < at
          ? `overlap tensor '${prev.name}', which ends at ${at}`
          : `leave a gap of ${e.begin - at} bytes after tensor '${prev.name}', which ends at ${at}`;
      throw new CheckpointError(file, `data_offsets [${e.begin}, ${e.end}] ${what}`, { tensor: e.name });
    }
    at = e.end;
    prev = e;
  }
  if (dataSize !== undefined && at !== dataSize) {
    throw new CheckpointError(file, at < dataSize
      ? `${dataSize - at} trailing bytes after the last tensor (the tensors cover ${at} of ${dataSize} data bytes)`
      : `the tensors need ${at} data bytes but the file has ${dataSize}`);
  }
  return { metadata, entries, byName: new Map(entries.map((e) => [e.name, e])), dataStart: 8 + bytes.byteLength, dataSize: at };
}

function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) throw new CheckpointError(file, 'header starts with a UTF-8 byte-order mark');
  if (bytes.includes(0)) throw new CheckpointError(file, `header holds a NUL byte at ${8 + bytes.indexOf(0)} (padding must be spaces)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new CheckpointError(file, 'header is not valid UTF-8');
  }
  if (text[0] !== '{') throw new CheckpointError(file, `header must start with '{', found ${JSON.stringify(text[0])}`);
  return text;
}

function parseMetadata(value: Json, file: string): Record<string, string> {
  if (!(value instanceof Map)) throw new CheckpointError(file, `__metadata__ must be an object of strings, found ${kind(value)}`);
  const out: Record<string, string> = {};
  for (const [k, v] of value) {
    if (typeof v !== 'string') throw new CheckpointError(file, `__metadata__ value of '${k}' must be a string, found ${kind(v)}`);
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function parseEntry(name: string, value: Json, file: string): HeaderEntry {
  const fail = (problem: string) => new CheckpointError(file, problem, { tensor: name });
  if (!(value instanceof Map)) throw fail(`entry must be an object, found ${kind(value)}`);
  for (const f of FIELDS) if (!value.has(f)) throw fail(`missing field '${f}'`);
  for (const k of value.keys()) if (!FIELDS.includes(k)) throw fail(`unknown field '${k}' (an entry has only dtype, shape and data_offsets)`);
  const dtype = value.get('dtype')!;
  if (typeof dtype !== 'string') throw fail(`dtype must be a string, found ${kind(dtype)}`);
  if (!isSafetensorsDtype(dtype)) throw fail(`unknown dtype '${dtype}' (dtype names are case-sensitive: F32, BF16, I64, …)`);
  const shape = intArray(value.get('shape')!, 'shape', fail);
  const offsets = intArray(value.get('data_offsets')!, 'data_offsets', fail);
  if (offsets.length !== 2) throw fail(`data_offsets must hold 2 numbers, found ${offsets.length}`);
  const [begin, end] = offsets as [number, number];
  if (end < begin) throw fail(`data_offsets [${begin}, ${end}] end before they begin`);
  const bits = shape.reduce((n, d) => n * BigInt(d), 1n) * BigInt(SAFETENSORS_DTYPES[dtype].bits);
  if (bits % 8n !== 0n || bits / 8n !== BigInt(end - begin)) {
    const needs = bits % 8n === 0n ? `${bits / 8n} bytes` : `${bits} bits, not a whole number of bytes`;
    throw fail(`data_offsets [${begin}, ${end}] hold ${end - begin} bytes but shape [${shape.join(', ')}] of ${dtype} needs ${needs}`);
  }
  return { name, dtype, shape, begin, end };
}

function intArray(value: Json, field: string, fail: (p: string) => CheckpointError): number[] {
  if (!Array.isArray(value)) throw fail(`${field} must be an array of integers, found ${kind(value)}`);
  return value.map((v, i) => {
    if (!(v instanceof JsonNumber)) throw fail(`${field}[${i}] must be an integer, found ${kind(v)}`);
    const t = v.text;
    if (t.startsWith('-')) throw fail(`${field}[${i}] is negative (${t})`);
    if (!/^\d+$/.test(t)) throw fail(`${field}[${i}] is not an integer (${t})`);
    if (BigInt(t) > BigInt(Number.MAX_SAFE_INTEGER)) throw fail(`${field}[${i}] is ${t}, larger than 2^53 - 1`);
    return Number(t);
  });
}

function kind(v: Json): string {
  if (v === null) return 'null';
  if (v instanceof JsonNumber) return `the number ${v.text}`;
  if (v instanceof Map) return 'an object';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}` : `the boolean ${v}`;
}
