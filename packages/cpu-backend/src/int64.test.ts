import { describe, expect, it } from 'vitest';
import { backend, view, zeros } from '../test/views.js';

const big = (v: ReturnType<typeof zeros>): bigint[] => Array.from(backend.readSync!(v) as BigInt64Array);

// expected values from PyTorch 1.13 CPU: int64 is exact beyond 2^53 and wraps modulo 2^64
describe('int64 exactness', () => {
  it('binary arithmetic on bigints', () => {
    const out = zeros('int64', [2]);
    backend.binary('add', view('int64', [2n ** 62n + 3n, -(2n ** 62n)]), view('int64', [2n ** 62n, 5n]), out, 'int64');
    expect(big(out)).toEqual([-9223372036854775805n, -4611686018427387899n]);
    const p = zeros('int64', [1]);
    backend.binary('mul', view('int64', [3037000499n * 3n + 1n]), view('int64', [3037000499n]), p, 'int64');
    expect(big(p)).toEqual([9223372022106195886n]);
  });

  it('int64 → float32 rounds once', () => {
    const out = zeros('float32', [1]);
    backend.copy(view('int64', [2n ** 60n + 2n ** 36n + 1n]), out);
    expect((out.buf.data as Float32Array)[0]).toBe(1.1529216420458004e18);
  });

  it('max, argmax, cumsum and matmul', () => {
    const m = zeros('int64', [1]);
    backend.reduce('max', view('int64', [2n ** 53n + 1n, 5n]), [0], m);
    expect(big(m)).toEqual([2n ** 53n + 1n]);
    backend.reduce('argmax', view('int64', [2n ** 53n + 1n, 2n ** 53n]), [0], m);
    expect(big(m)).toEqual([0n]);
    const c = zeros('int64', [3]);
    backend.supports.scan!('sum', view('int64', [2n ** 62n, 2n ** 62n, 1n]), 0, c);
    expect(big(c)).toEqual([4611686018427387904n, -9223372036854775808n, -9223372036854775807n]);
    const mm = zeros('int64', [1, 1]);
    backend.matmul(view('int64', [2n ** 40n, 3n], [1, 2]), view('int64', [2n ** 30n, 2n ** 61n + 1n], [2, 1]), mm);
    expect(big(mm)).toEqual([6917529027641081859n]);
  });
});
