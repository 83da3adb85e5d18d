import { describeConformance } from '../index.js';
import { oracleBackend } from './oracleBackend.js';

const m = process.env.MUTANT ?? '';
describeConformance(`mutant ${m}`, () => {
  const b = oracleBackend();
  const base = { ...b };
  if (m === 'unaryIgnoresOutStrides') b.unary = (op, x, out) => base.unary(op, x, { ...out, strides: out.shape.map((_, i) => out.shape.slice(i + 1).reduce((a, s) => a * s, 1)) });
  if (m === 'binaryInFloat64') b.binary = (op, a, bb, out, cd) => base.binary(op, a, bb, out, cd.startsWith('float') ? 'float64' : cd);
  if (m === 'signNaN') { const u = b.unary; b.unary = (op, x, out) => { u(op, x, out); if (op === 'sign') { /* emulate nan-propagating sign */ const xs = x.buf.data; const os = out.buf.data; const n = out.shape.reduce((a, s) => a * s, 1); if (n && x.strides.every((s, i) => s === out.strides[i]) && x.offset === out.offset) for (let i = 0; i < os.length; i++) if (Number.isNaN(xs[i])) os[i] = NaN; } }; }
  if (m === 'randomOffByOne') b.randomBits = (out, key, c) => base.randomBits(out, key, c + 1);
  if (m === 'copyOverrun') b.copy = (src, dst) => { base.copy(src, dst); if (dst.buf.data.length > dst.offset + 1 && dst.shape.length && !dst.shape.includes(0)) dst.buf.data[dst.buf.data.length - 1] = dst.buf.data[dst.offset] ?? 0; };
  if (m === 'reduceDims') b.reduce = (op, x, dims, out) => base.reduce(op, x, dims.length > 1 ? [dims[0] ?? 0] : dims, out.shape.length ? out : out);
  if (m === 'fillBigint') b.fill = (out, v) => base.fill(out, typeof v === 'bigint' ? Number(v) : v);
  return b;
});
