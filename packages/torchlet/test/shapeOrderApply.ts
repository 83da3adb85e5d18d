// How each shape_order.json case calls torchlet: the camelCase method or torch.*
// form of the PyTorch call the fixture recorded (both forms are exercised).

import * as torch from 'torchlet';
import { decode, options, type OpCase, type OpResult } from './opCases.js';

/** The camelCase call of one case; methods and torch.* forms are both exercised. */
export function apply(c: OpCase, xs: torch.Tensor[]): OpResult {
  const [x, y] = xs as [torch.Tensor, torch.Tensor];
  const a = c.args.map(decode) as any[];
  const o = options(c.kwargs) as any;
  switch (c.op) {
    case 'flip': return x.flip(a[0] as number[]);
    case 'fliplr': return torch.fliplr(x);
    case 'flipud': return x.flipud();
    case 'roll': return a.length > 1 ? torch.roll(x, a[0], a[1]) : x.roll(a[0]);
    case 'repeat': return x.repeat(...(a as number[]));
    case 'tile': return torch.tile(x, a[0] as number[]);
    case 'repeatInterleave':
      if (xs.length === 1 && a.length === 0 && !o) return torch.repeatInterleave(x);
      if (xs.length === 2) return x.repeatInterleave(y, a[0], o);
      return torch.repeatInterleave(x, a[0], a[1], o);
    case 'tril': return x.tril(...(a as number[]));
    case 'triu': return torch.triu(x, ...(a as number[]));
    case 'diag': return torch.diag(x, ...(a as number[]));
    case 'diagEmbed': return x.diagEmbed(...(a as number[]));
    case 'trace': return x.trace();
    case 'sort': return x.sort(a[0], a[1], o);
    case 'argsort': return torch.argsort(x, a[0], a[1], o);
    case 'msort': return torch.msort(x);
    case 'topk': return x.topk(a[0], a[1] ?? -1, o?.largest ?? true, o?.sorted ?? true);
    case 'kthvalue': return a.length > 2 ? torch.kthvalue(x, a[0], a[1], a[2]) : x.kthvalue(a[0], a[1]);
    case 'unique': return x.unique(o);
    case 'searchsorted': return torch.searchsorted(x, y, o);
    case 'searchsortedScalar': return torch.searchsorted(x, a[0] as number, o);
    case 'searchsortedSorter': return torch.searchsorted(x, y, { ...o, sorter: xs[2] });
    case 'bucketize': return torch.bucketize(x, y, o);
    case 'cumsum': return x.cumsum(a[0], o);
    case 'cumprod': return torch.cumprod(x, a[0], o);
    case 'cummax': return x.cummax(a[0]);
    case 'cummin': return torch.cummin(x, a[0]);
    case 'logcumsumexp': return a[0] === 0 ? torch.logcumsumexp(x, a[0]) : x.logcumsumexp(a[0]);
    case 'einsumSublist': {
      const subs = o.subs as torch.Sublist[];
      const args = xs.flatMap((t, i) => [t, subs[i]!]);
      return torch.einsum(xs[0]!, subs[0]!, ...args.slice(2), ...subs.slice(xs.length));
    }
    case 'einsum': return xs.length === 2 ? torch.einsum(o.eq, xs) : torch.einsum(o.eq, ...xs);
    case 'meshgrid': return o ? torch.meshgrid(xs, o) : torch.meshgrid(...xs);
    case 'broadcastTensors': return torch.broadcastTensors(...xs);
    case 'flatten': return x.flatten(...(a as number[]));
    case 'unflatten': return x.unflatten(a[0], a[1]);
    case 'diagonal': return x.diagonal(...(a as number[]));
    case 'movedim': return x.movedim(a[0], a[1]);
    default: throw new Error(`fixture op ${c.op} has no mapping`);
  }
}
