// torch.einsum: the equation is parsed into one list of dim ids per operand
// (letters, and one id per dim covered by `...`); repeated ids take diagonals;
// operands are then contracted left to right, each pair as one batched matmul
// (permute + reshape + bmm) after summing out ids no later step needs. Composite, as in
// PyTorch: not traced itself, so autograd records the public ops it is made of.

import { SCALAR_TYPE_NAME } from './dtype.js';
import { RuntimeError, ValueError } from './errors.js';
import { checkSameDevice } from './operands.js';
import type { Tensor } from './tensor.js';
import { bmm } from './linalg.js';
import { sum } from './reduce.js';
import { diagonal, expand, permute, reshape, view } from './views.js';


/** Ids 0–51 are the letters A–Z, a–z (so sorting ids sorts labels as PyTorch does); ellipsis dims follow. */
const ELLIPSIS = 52;

interface Term {
  labels: number[];
  /** Where the ellipsis sits in `labels` (-1 when absent). */
  ellipsisAt: number;
}

function labelId(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 90 ? code - 65 : code - 97 + 26;
}

function labelChar(id: number): string {
  return String.fromCharCode(id < 26 ? id + 65 : id - 26 + 97);
}

/** Parses one side of the equation into terms; `start` is its index in the equation (for messages). */
function parseTerms(text: string, start: number, output: boolean): Term[] {
  const terms: Term[] = [{ labels: [], ellipsisAt: -1 }];
  const who = (): string => (output ? 'output' : `operand ${terms.length - 1}`);
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const term = terms[terms.length - 1]!;
    if (c === '.') {
      if (term.ellipsisAt >= 0) throw new RuntimeError(`einsum(): found '.' for ${who()} for which an ellipsis was already found`);
      if (++dots === 3) {
        term.ellipsisAt = term.labels.length;
        dots = 0;
      }
      continue;
    }
    if (dots > 0) throw new RuntimeError(`einsum(): found '.' for ${who()} that is not part of any ellipsis${output ? ' (...)' : ''}`);
    if (c === ' ') continue;
    if (c === ',' && !output) terms.push({ labels: [], ellipsisAt: -1 });
    else if (/^[a-zA-Z]$/.test(c)) term.labels.push(labelId(c));
    else throw new RuntimeError(`einsum(): invalid subscript given at index ${start + i} in the equation string, subscripts must be in [a-zA-Z]`);
  }
  if (dots > 0) throw new RuntimeError(`einsum(): found '.' for ${who()} that is not part of any ellipsis${output ? ' (...)' : ''}`);
  return terms;
}

/** One operand as dim ids (its repeated ids already reduced to a diagonal). */
interface Operand {
  t: Tensor;
  ids: number[];
}

/** The ids of `t`'s dims for `term`, with `ell` ellipsis dims in all (right-aligned). */
function idsOf(term: Term, t: Tensor, ell: number): number[] {
  const covered = t.ndim - term.labels.length;
  const ellIds = Array.from({ length: Math.max(covered, 0) }, (_, k) => ELLIPSIS + ell - covered + k);
  return term.ellipsisAt < 0 ? [...term.labels] : [...term.labels.slice(0, term.ellipsisAt), ...ellIds, ...term.labels.slice(term.ellipsisAt)];
}

/** Takes the diagonal of every id repeated within one operand. */
function diagonals(op: Operand, index: number): Operand {
  let { t, ids } = op;
  for (;;) {
    const d1 = ids.findIndex((id, k) => ids.indexOf(id) !== k);
    if (d1 < 0) return { t, ids };
    const d0 = ids.indexOf(ids[d1]!);
    if (t.shape[d0] !== t.shape[d1]) {
      throw new RuntimeError(
        `einsum(): subscript ${labelChar(ids[d1]!)} is repeated for operand ${index} but the sizes don't match, ${t.shape[d1]} != ${t.shape[d0]}`,
      );
    }
    const id = ids[d0]!;
    t = diagonal(t, 0, d0, d1);
    ids = [...ids.filter((_, k) => k !== d0 && k !== d1), id];
  }
}

/** Sizes per id across operands, with PyTorch's broadcast errors. */
function checkSizes(ops: readonly Operand[], raw: readonly Operand[]): Map<number, number> {
  const sizes = new Map<number, number>();
  ops.forEach((op, i) => {
    op.ids.forEach((id, k) => {
      const size = op.t.shape[k]!;
      const seen = sizes.get(id);
      if (seen === undefined || seen === 1) sizes.set(id, size);
      else if (size !== 1 && size !== seen) {
        if (id >= ELLIPSIS) {
          const dim = raw[i]!.ids.indexOf(id);
          throw new RuntimeError(
            `einsum(): dimension ${dim} covered by ellipsis in operand ${i}has size ${size} which does not broadcast with previously seen ellipsis with size ${seen} for the respective dimension`,
          );
        }
        throw new RuntimeError(`einsum(): subscript ${labelChar(id)} has size ${size} for operand ${i} which does not broadcast with previously seen size ${seen}`);
      }
    });
  });
  return sizes;
}

/** Sums `op` over the ids that are not in `keep`. */
function sumOut(op: Operand, keep: (id: number) => boolean): Operand {
  const dims = op.ids.flatMap((id, k) => (keep(id) ? [] : [k]));
  if (dims.length === 0) return op;
  return { t: sum(op.t, dims, { dtype: op.t.dtype }), ids: op.ids.filter((id) => keep(id)) };
}

/** `a` · `b` over their shared ids not in `keep`, as one bmm. */
function contract(a: Operand, b: Operand, keep: ReadonlySet<number>, sizes: ReadonlyMap<number, number>): Operand {
  const inB = new Set(b.ids);
  const inA = new Set(a.ids);
  a = sumOut(a, (id) => inB.has(id) || keep.has(id));
  b = sumOut(b, (id) => inA.has(id) || keep.has(id));
  const batch = a.ids.filter((id) => inB.has(id) && keep.has(id));
  const summed = a.ids.filter((id) => inB.has(id) && !keep.has(id));
  const aOnly = a.ids.filter((id) => !inB.has(id));
  const bOnly = b.ids.filter((id) => !inA.has(id));
  const size = (id: number): number => sizes.get(id)!;
  const prod = (ids: readonly number[]): number => ids.reduce((n, id) => n * size(id), 1);
  const arrange = (op: Operand, order: readonly number[], shape: readonly number[]): Tensor => {
    const p = permute(op.t, order.map((id) => op.ids.indexOf(id)));
    // size-1 dims broadcast against the other operand's size
    return reshape(expand(p, order.map(size)), shape);
  };
  const a3 = arrange(a, [...batch, ...aOnly, ...summed], [prod(batch), prod(aOnly), prod(summed)]);
  const b3 = arrange(b, [...batch, ...summed, ...bOnly], [prod(batch), prod(summed), prod(bOnly)]);
  const ids = [...batch, ...aOnly, ...bOnly];
  // bmm's result is contiguous: a view, as PyTorch's (ViewBackward0)
  return { t: view(bmm(a3, b3), ids.map(size)), ids };
}

function einsumImpl(equation: string, operands: readonly Tensor[]): Tensor {
  const arrow = equation.indexOf('->');
  const lhs = arrow < 0 ? equation : equation.slice(0, arrow);
  const terms = parseTerms(lhs, 0, false);
  if (operands.length < terms.length) throw new RuntimeError('einsum(): fewer operands were provided than specified in the equation');
  if (operands.length > terms.length) throw new RuntimeError('einsum(): more operands were provided than specified in the equation');
  checkSameDevice(operands);
  let ell = 0;
  terms.forEach((term, i) => {
    const t = operands[i]!;
    if (term.ellipsisAt < 0 && term.labels.length !== t.ndim) {
      throw new RuntimeError(
        `einsum(): the number of subscripts in the equation (${term.labels.length}) does not match the number of dimensions (${t.ndim}) for operand ${i} and no ellipsis was given`,
      );
    }
    if (term.ellipsisAt >= 0 && term.labels.length > t.ndim) {
      throw new RuntimeError(
        `einsum(): the number of subscripts in the equation (${term.labels.length}) is more than the number of dimensions (${t.ndim}) for operand ${i}`,
      );
    }
    if (term.ellipsisAt >= 0) ell = Math.max(ell, t.ndim - term.labels.length);
  });
  const ellIds = Array.from({ length: ell }, (_, k) => ELLIPSIS + k);
  const raw = terms.map((term, i) => ({ t: operands[i]!, ids: idsOf(term, operands[i]!, ell) }));
  const counts = new Map<number, number>();
  for (const term of terms) for (const id of term.labels) counts.set(id, (counts.get(id) ?? 0) + 1);
  let out: number[];
  if (arrow < 0) {
    const once = [...counts.keys()].filter((id) => counts.get(id) === 1).sort((x, y) => x - y);
    out = [...(terms.some((t) => t.ellipsisAt >= 0) ? ellIds : []), ...once];
  } else {
    const [term] = parseTerms(equation.slice(arrow + 2), arrow + 2, true);
    term!.labels.forEach((id, k) => {
      if (!counts.has(id)) throw new RuntimeError(`einsum(): output subscript ${labelChar(id)} does not appear in the equation for any input operand`);
      if (term!.labels.indexOf(id) !== k) throw new RuntimeError(`einsum(): output subscript ${labelChar(id)} appears more than once in the output`);
    });
    out = term!.ellipsisAt < 0 ? term!.labels : [...term!.labels.slice(0, term!.ellipsisAt), ...ellIds, ...term!.labels.slice(term!.ellipsisAt)];
  }
  const dtype = operands[0]!.dtype;
  const other = operands.find((t) => t.dtype !== dtype);
  if (other) throw new RuntimeError(`expected scalar type ${SCALAR_TYPE_NAME[dtype]} but found ${SCALAR_TYPE_NAME[other.dtype]}`);
  const ops = raw.map((op, i) => diagonals(op, i));
  const sizes = checkSizes(ops, raw);
  const outSet = new Set(out);
  if (ops.length === 1) {
    // as PyTorch: one operand is permuted (output ids first), then the rest is summed out
    const { t, ids } = ops[0]!;
    const rest = ids.filter((id) => !outSet.has(id));
    const p = permute(t, [...out, ...rest].map((id) => ids.indexOf(id)));
    return rest.length === 0 ? p : sum(p, rest.map((_, k) => out.length + k), { dtype: t.dtype });
  }
  let acc = ops[0]!;
  for (let i = 1; i < ops.length; i++) {
    const keep = new Set([...out, ...ops.slice(i + 1).flatMap((op) => op.ids)]);
    acc = contract(acc, ops[i]!, keep, sizes);
  }
  acc = sumOut(acc, (id) => outSet.has(id));
  const order = out.map((id) => acc.ids.indexOf(id));
  // no permute when the order is already right (PyTorch's grad_fn is then the last step's)
  return order.every((d, k) => d === k) && order.length === acc.t.ndim ? acc.t : permute(acc.t, order);
}

/** A subscript list of einsum's sublist form: ints in [0, 52) and `'...'`. */
export type Sublist = readonly (number | '...')[];

/** The equation of the sublist form `einsum(op0, sub0, op1, sub1, …, [subOut])`, and its operands. */
function fromSublists(args: readonly (Tensor | Sublist)[]): { equation: string; operands: Tensor[] } {
  const letters = (sub: Sublist): string =>
    sub
      .map((n) => {
        if (n === '...') return '...';
        if (!Number.isInteger(n) || n < 0 || n >= 52) throw new ValueError('einsum(): subscript in subscript list is not within the valid range [0, 52)');
        return labelChar(n);
      })
      .join('');
  const operands: Tensor[] = [];
  const terms: string[] = [];
  let i = 0;
  for (; i + 1 < args.length; i += 2) {
    operands.push(args[i] as Tensor);
    terms.push(letters(args[i + 1] as Sublist));
  }
  const out = i < args.length ? `->${letters(args[i] as Sublist)}` : '';
  return { equation: terms.join(',') + out, operands };
}

/**
 * `torch.einsum(equation, *operands)`: Einstein summation with PyTorch's syntax —
 * implicit or explicit (`->`) output, `...` for broadcast dims, repeated subscripts
 * for diagonals. Operands may be given as varargs or one array; the sublist form
 * `einsum(a, [0, 1], b, [1, 2], [0, 2])` (ints in [0, 52), `'...'`) works too.
 * @example torch.einsum('ij,jk->ik', a, b) // a.matmul(b)
 */
export function einsum(equation: string, ...operands: Tensor[]): Tensor;
export function einsum(equation: string, operands: readonly Tensor[]): Tensor;
export function einsum(operand: Tensor, sublist: Sublist, ...rest: (Tensor | Sublist)[]): Tensor;
export function einsum(first: string | Tensor, ...rest: (Tensor | readonly Tensor[] | Sublist)[]): Tensor {
  let equation: string;
  let list: Tensor[];
  if (typeof first === 'string') {
    equation = first;
    list = rest.length === 1 && Array.isArray(rest[0]) ? [...(rest[0] as readonly Tensor[])] : (rest as Tensor[]);
  } else {
    ({ equation, operands: list } = fromSublists([first, ...(rest as (Tensor | Sublist)[])]));
  }
  // composite, as in PyTorch: autograd records the diagonals, sums, permutes, reshapes and bmms
  return einsumImpl(equation, list);
}
