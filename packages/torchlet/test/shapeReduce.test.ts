// Views, reductions, matmul, cat/stack and softmax against PyTorch 1.13.
// Fixtures: tools/fixtures/shape_reduce.py → test/fixtures/shape_reduce.json
// (regenerate, never hand-edit). Inputs are rebuilt through the public API only.

import { it } from 'vitest';
import * as torch from 'torchlet';
import { describeByOp } from './fixtureTools.js';
import { decode, loadCases, options, runCase, type CaseResult, type OpCase } from './opCases.js';

const fixture = loadCases('shape_reduce.json');

/** Calls the camelCase API for one fixture case. */
function apply(c: OpCase, xs: torch.Tensor[]): CaseResult {
  const [x, y] = xs as [torch.Tensor, torch.Tensor];
  const a = c.args.map(decode) as any[];
  const o = options(c.kwargs) as any;
  switch (c.op) {
    case 'view': return x.view(a[0] as number[]);
    case 'reshape': return x.reshape(...(a[0] as number[]));
    case 'permute': return x.permute(a[0] as number[]);
    case 'transpose': return x.transpose(a[0], a[1]);
    case 't': return x.t();
    case 'T': return x.T;
    case 'mT': return x.mT;
    case 'expand': return x.expand(a[0] as number[]);
    case 'expandAs': return x.expandAs(y);
    case 'squeeze': return a.length ? x.squeeze(a[0]) : x.squeeze();
    case 'unsqueeze': return x.unsqueeze(a[0]);
    case 'flatten': return x.flatten(...(a as number[]));
    case 'unflatten': return x.unflatten(a[0], a[1]);
    case 'narrow': return x.narrow(a[0], a[1], a[2]);
    case 'select': return x.select(a[0], a[1]);
    case 'diagonal': return x.diagonal(...(a as number[]));
    case 'movedim': return x.movedim(a[0], a[1]);
    case 'at': return x.at(...(a as torch.Index[]));
    case 'setAt': return xs.length === 2 ? x.setAt(a[0], y) : x.setAt(a[0], a[1]);
    case 'chunk': return x.chunk(a[0], ...(a.slice(1) as number[]));
    case 'split': return x.split(a[0], ...(a.slice(1) as number[]));
    case 'unbind': return x.unbind(...(a as number[]));
    case 'contiguous': return x.contiguous();
    case 'clone': return x.clone();
    case 'zerosLike': return torch.zerosLike(x);
    case 'isContiguous': return x.isContiguous();
    case 'sum': return x.sum(a[0], o);
    case 'mean': return x.mean(a[0], o);
    case 'prod': return x.prod(a[0], o);
    case 'max':
      if (xs.length === 2) return x.max(y);
      return a.length ? x.max(a[0] as number, o) : x.max();
    case 'min':
      if (xs.length === 2) return x.min(y);
      return a.length ? x.min(a[0] as number, o) : x.min();
    case 'amax': return x.amax(a[0], o);
    case 'amin': return x.amin(a[0], o);
    case 'argmax': return x.argmax(a[0], o);
    case 'argmin': return x.argmin(a[0], o);
    case 'std': return x.std(a[0], o);
    case 'var': return x.var(a[0], o);
    case 'logsumexp': return x.logsumexp(a[0], o);
    case 'norm': return x.norm(a[0], a[1], o);
    case 'all': return x.all(a[0], o);
    case 'any': return x.any(a[0], o);
    case 'cumsum': return x.cumsum(a[0], o);
    case 'cumprod': return x.cumprod(a[0], o);
    case 'softmax': return x.softmax(a[0], o);
    case 'logSoftmax': return torch.logSoftmax(x, a[0], o);
    case 'matmul': return x.matmul(y);
    case 'mm': return x.mm(y);
    case 'bmm': return torch.bmm(x, y);
    case 'mv': return x.mv(y);
    case 'dot': return torch.dot(x, y);
    case 'outer': return x.outer(y);
    case 'cat': return torch.cat(xs, a[0] ?? o?.dim);
    case 'stack': return torch.stack(xs, a[0] ?? o?.dim);
    case 'add': return x.add(y);
    default: throw new Error(`fixture op ${c.op} has no mapping`);
  }
}

describeByOp(`shape and reduction ops against PyTorch ${fixture.torch}`, fixture.cases, (c) => it(c.name, () => runCase(c, apply)));
