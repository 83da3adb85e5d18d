// The strict safetensors reader: every malformed input is a CheckpointError naming the file, the
// tensor and the problem; valid corner cases load. Then a bounded fuzz run over mutated files.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { CheckpointError, safeOpen, safetensors } from '../src/index.js';
import { bytesSource } from '../src/bytes/source.js';
import { fixtureBytes } from './fixtureFiles.js';
import { rng } from './fuzzTools.js';

const utf8 = new TextEncoder();

/** A file: an 8-byte length (the header's own unless given), the header, then `data` bytes. */
function file(header: string | Uint8Array, data: number | Uint8Array = 0, length?: bigint): Uint8Array {
  const h = typeof header === 'string' ? utf8.encode(header) : header;
  const d = typeof data === 'number' ? new Uint8Array(data) : data;
  const out = new Uint8Array(8 + h.byteLength + d.byteLength);
  new DataView(out.buffer).setBigUint64(0, length ?? BigInt(h.byteLength), true);
  out.set(h, 8);
  out.set(d, 8 + h.byteLength);
  return out;
}
const entry = (dtype: string, shape: unknown, offsets: unknown, extra = '') =>
  `{"dtype":${JSON.stringify(dtype)},"shape":${typeof shape === 'string' ? shape : JSON.stringify(shape)},"data_offsets":${typeof offsets === 'string' ? offsets : JSON.stringify(offsets)}${extra}}`;
const w = (shape: unknown = [1], offsets: unknown = [0, 4], dtype = 'F32', extra = '') => `{"w":${entry(dtype, shape, offsets, extra)}}`;

async function refusal(bytes: Uint8Array): Promise<CheckpointError> {
  const err = await safetensors.load(bytes).catch((e: unknown) => e);
  if (!(err instanceof CheckpointError)) throw new Error(`expected a CheckpointError, got ${String(err)}`);
  expect(err.file).toBe('<bytes>');
  return err;
}

// [what, file, message, tensor named]
const MALFORMED: [string, Uint8Array, RegExp, string?][] = [
  ['shorter than 8 bytes', new Uint8Array(5), /file has 5 bytes, fewer than the 8 of the header length/],
  ['header longer than the file', file('{}', 0, 100n), /header length 100 is longer than the file \(10 bytes, 2 after the length\)/],
  ['header over 100 MB', file('{}', 0, 100_000_001n), /header length 100000001 exceeds the limit of 100000000 bytes/],
  ['header length 2^64 - 1', file('{}', 0, 2n ** 64n - 1n), /header length 18446744073709551615 exceeds the limit/],
  ['empty header', file(''), /header is empty/],
  ['non-UTF-8 header', file(Uint8Array.of(0x7b, 0xff, 0x7d)), /header is not valid UTF-8/],
  ['byte-order mark', file(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d)), /header starts with a UTF-8 byte-order mark/],
  ['NUL padding', file('{}\0\0\0\0\0\0'), /header holds a NUL byte at 10 \(padding must be spaces\)/],
  ['not JSON', file('{"w":'), /header is not valid JSON: unexpected end of JSON/],
  ['trailing garbage after the JSON', file('{} x'), /header is not valid JSON: unexpected text after the JSON value/],
  ['leading white space', file(' {}'), /header must start with '\{', found " "/],
  ['an array header', file('[]'), /header must start with '\{', found "\["/],
  ['a non-object entry', file('{"w":[1]}'), /tensor 'w': entry must be an object, found an array/, 'w'],
  ['a string entry', file('{"w":"F32"}'), /tensor 'w': entry must be an object, found the string "F32"/, 'w'],
  ['a missing field', file('{"w":{"dtype":"F32","shape":[1]}}', 4), /tensor 'w': missing field 'data_offsets'/, 'w'],
  ['an extra field', file(w([1], [0, 4], 'F32', ',"foo":1'), 4), /tensor 'w': unknown field 'foo'/, 'w'],
  ['an unknown dtype', file(w([1], [0, 4], 'F128'), 4), /tensor 'w': unknown dtype 'F128'/, 'w'],
  ['a dtype in lower case', file(w([1], [0, 4], 'f32'), 4), /tensor 'w': unknown dtype 'f32' \(dtype names are case-sensitive/, 'w'],
  ['a non-string dtype', file(w([1], [0, 4], 7 as unknown as string), 4), /tensor 'w': dtype must be a string, found the number 7/, 'w'],
  ['a negative dimension', file(w([-1]), 4), /tensor 'w': shape\[0\] is negative \(-1\)/, 'w'],
  ['a float dimension', file(w('[1.0]'), 4), /tensor 'w': shape\[0\] is not an integer \(1\.0\)/, 'w'],
  ['an exponent dimension', file(w('[1e0]'), 4), /tensor 'w': shape\[0\] is not an integer \(1e0\)/, 'w'],
  ['a dimension past 2^53', file(w('[9007199254740993]'), 4), /tensor 'w': shape\[0\] is 9007199254740993, larger than 2\^53 - 1/, 'w'],
  ['an offset past 2^53', file(w([1], '[0,18446744073709551616]'), 4), /tensor 'w': data_offsets\[1\] is 18446744073709551616, larger than 2\^53 - 1/, 'w'],
  ['a negative offset', file(w([1], '[-4,0]'), 4), /tensor 'w': data_offsets\[0\] is negative/, 'w'],
  ['a string dimension', file(w('["1"]'), 4), /tensor 'w': shape\[0\] must be an integer, found the string "1"/, 'w'],
  ['shape not an array', file(w('1'), 4), /tensor 'w': shape must be an array of integers, found the number 1/, 'w'],
  ['three offsets', file(w([1], [0, 4, 8]), 4), /tensor 'w': data_offsets must hold 2 numbers, found 3/, 'w'],
  ['offsets out of order', file(w([1], [4, 0]), 4), /tensor 'w': data_offsets \[4, 0\] end before they begin/, 'w'],
  ['offsets not starting at 0', file(w([1], [4, 8]), 8), /tensor 'w': data_offsets \[4, 8\] do not start at 0/, 'w'],
  ['overlapping tensors', file(`{"a":${entry('F32', [2], [0, 8])},"b":${entry('F32', [2], [4, 12])}}`, 12), /tensor 'b': data_offsets \[4, 12\] overlap tensor 'a', which ends at 8/, 'b'],
  ['a gap', file(`{"a":${entry('F32', [1], [0, 4])},"b":${entry('F32', [1], [8, 12])}}`, 12), /tensor 'b': data_offsets \[8, 12\] leave a gap of 4 bytes after tensor 'a'/, 'b'],
  ['trailing bytes', file(w(), 6), /2 trailing bytes after the last tensor \(the tensors cover 4 of 6 data bytes\)/],
  ['data shorter than the offsets', file(w(), 2), /the tensors need 4 data bytes but the file has 2/],
  ['byte size not shape × dtype size', file(w([2], [0, 4]), 4), /tensor 'w': data_offsets \[0, 4\] hold 4 bytes but shape \[2\] of F32 needs 8 bytes/, 'w'],
  ['a sub-byte size that is no whole byte', file(w([3], [0, 1], 'F4'), 1), /tensor 'w': .* shape \[3\] of F4 needs 12 bits, not a whole number of bytes/, 'w'],
  ['duplicate names', file(`{"w":${entry('F32', [1], [0, 4])},"w":${entry('F32', [1], [4, 8])}}`, 8), /tensor 'w': header is not valid JSON: duplicate key "w"/, 'w'],
  ['non-string metadata', file('{"__metadata__":{"epoch":3}}'), /__metadata__ value of 'epoch' must be a string, found the number 3/],
  ['null metadata', file('{"__metadata__":null}'), /__metadata__ must be an object of strings, found null/],
  ['nested too deep', file(`{"w":${'['.repeat(100)}${']'.repeat(100)}}`), /nesting deeper than 64/],
  ['an unpaired surrogate escape', file('{"\\ud800":{}}'), /unpaired surrogate/],
  ['a raw control character', file('{"a\nb":{}}'), /control character in a string/],
];

describe('the strict reader refuses', () => {
  for (const [what, bytes, message, tensor] of MALFORMED) {
    it(what, async () => {
      const err = await refusal(bytes);
      expect(err.message).toMatch(message);
      expect(err.message.startsWith('<bytes>: ')).toBe(true);
      expect(err.tensor).toBe(tensor);
    });
  }

  it('the same problems through safeOpen, naming the file', async () => {
    const err = await safeOpen(bytesSource(file(w([2], [0, 4]), 4), 'model.safetensors')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as CheckpointError).message).toMatch(/^model\.safetensors: tensor 'w': data_offsets \[0, 4\] hold 4 bytes/);
  });
});

describe('the strict reader accepts', () => {
  it('zero-size and rank-0 tensors, header keys and fields in any order, JSON white space, space padding', async () => {
    const data = new Uint8Array(12);
    new DataView(data.buffer).setFloat32(0, NaN, true);
    new DataView(data.buffer).setFloat32(4, -Infinity, true);
    new DataView(data.buffer).setFloat32(8, 7.5, true);
    const header = `{ "s" : {"data_offsets":[8,12],"shape":[],"dtype":"F32"},\n\t"e":${entry('F32', [0, 3], [0, 0])},"w":${entry('F32', [2], [0, 8])},"__metadata__":{"k":"v"}}      `;
    const sd = await safetensors.load(file(header, data));
    expect(Object.keys(sd)).toEqual(['e', 's', 'w']);
    expect(sd.s!.shape).toEqual([]);
    expect(sd.s!.itemSync()).toBe(7.5);
    expect(sd.e!.shape).toEqual([0, 3]);
    expect(Array.from(sd.w!.dataSync() as Float32Array)).toEqual([NaN, -Infinity]);
    const f = await safeOpen(file(header, data));
    expect(f.metadata()).toEqual({ k: 'v' });
  });

  it('an empty header and several zero-size tensors at one offset', async () => {
    expect(await safetensors.load(file('{}'))).toEqual({});
    const sd = await safetensors.load(file(`{"a":${entry('I64', [0], [0, 0])},"b":${entry('U8', [2, 0], [0, 0])},"c":${entry('BOOL', [2], [0, 2])}}`, Uint8Array.of(0, 2)));
    expect(sd.c!.tolistSync()).toEqual([false, true]);
    expect(sd.b!.shape).toEqual([2, 0]);
  });
});

function mutate(base: Uint8Array, r: () => number): Uint8Array {
  const headerEnd = 8 + Number(new DataView(base.buffer, base.byteOffset).getBigUint64(0, true));
  const pos = (inHeader: boolean) => Math.floor(r() * (inHeader && r() < 0.8 ? headerEnd : base.byteLength));
  const out = base.slice();
  switch (Math.floor(r() * 6)) {
    case 0: // flip bits
      for (let k = 1 + Math.floor(r() * 4); k > 0; k--) out[pos(true)]! ^= 1 << Math.floor(r() * 8);
      return out;
    case 1: // a random byte, often a JSON-significant one
      out[pos(true)] = r() < 0.5 ? '{}[],:"-.0123456789eE \\'.charCodeAt(Math.floor(r() * 25)) : Math.floor(r() * 256);
      return out;
    case 2: // truncate
      return out.slice(0, pos(false));
    case 3: { // insert bytes
      const at = pos(true);
      const ins = Uint8Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * 256));
      return Uint8Array.from([...out.subarray(0, at), ...ins, ...out.subarray(at)]);
    }
    case 4: // rewrite the length prefix
      new DataView(out.buffer).setBigUint64(0, BigInt(Math.floor(r() * 2 * headerEnd)), true);
      return out;
    default: { // delete a span
      const at = pos(true);
      return Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + 1 + Math.floor(r() * 8))]);
    }
  }
}

describe('fuzz', () => {
  it('mutated valid files only ever give clean CheckpointErrors (bounded time)', async () => {
    const small = await safetensors.save({
      'a.weight': torch.ones(2, 3), 'a.bias': torch.zeros([3], { dtype: 'float64' }), n: torch.tensor(3), m: torch.tensor([true, false]),
      e: torch.zeros([0, 2], { dtype: 'int8' }), h: torch.ones([2], { dtype: 'bfloat16' }),
    }, { format: 'pt', note: 'x' });
    const bases = [small, fixtureBytes('all_dtypes.safetensors')];
    const ms = Number(process.env.FUZZ_MS ?? 3000);
    const start = Date.now();
    let runs = 0;
    let accepted = 0;
    for (let seed = 1; Date.now() - start < ms; seed++, runs++) {
      const r = rng(seed);
      const bytes = mutate(bases[seed % bases.length]!, r);
      try {
        await safetensors.load(bytes);
        accepted++;
      } catch (e) {
        if (!(e instanceof CheckpointError)) throw new Error(`seed ${seed}: ${String(e)}`);
        expect(e.file).toBe('<bytes>');
      }
    }
    expect(runs).toBeGreaterThan(500);
    console.log(`fuzz: ${runs} mutated files, ${accepted} still valid, ${runs - accepted} refused with a CheckpointError`);
  });
});
