// The nn.Module contract against PyTorch (tools/fixtures/nn_module.py): repr, member names,
// state_dict keys and metadata, and the messages of registration and load errors.
import './setup.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { Module, ModuleDict, ModuleList, Parameter, ParameterDict, ParameterList, Sequential, metadataOf } from '../src/index.js';
import { Empty, Leaf, Multi, Net, Small } from './contractModules.js';

interface Fixture {
  repr: Record<string, string>;
  members: Record<string, string[]>;
  metadata: Record<string, Record<string, unknown>>;
  errors: Record<string, { type: string; message: string }>;
  load: Record<string, { type: string; message: string }>;
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/nn_module.json', import.meta.url), 'utf8')) as Fixture;

const names = (it: Iterable<[string, unknown]>): string[] => [...it].map(([k]) => k);

describe('repr(module) as PyTorch prints it', () => {
  const withNone = new Empty();
  withNone.addModule('missing', null);
  const seq = new Sequential(new Leaf(1), new Multi(), new Sequential(new Leaf(2), new Empty()));
  const cases: Record<string, Module> = {
    Empty: new Empty(),
    Leaf: new Leaf(3),
    Multi: new Multi(),
    Sequential: seq,
    'Sequential(OrderedDict)': new Sequential(new Map<string, Module>([['first', new Leaf(1)], ['second', new Empty()]])),
    'Sequential slice': seq.at([1, null]),
    ModuleList: new ModuleList([new Leaf(1), new ModuleList([new Multi()])]),
    ModuleDict: new ModuleDict({ b: new Leaf(1), a: new Empty() }),
    ParameterList: new ParameterList([new Parameter(torch.zeros(3, 4)), torch.zeros(2, { dtype: 'float64' })]),
    ParameterDict: new ParameterDict({ b: new Parameter(torch.zeros(2)), a: torch.zeros(3, 1) }),
    Net: new Net(),
    'None child': withNone,
  };
  for (const [name, expected] of Object.entries(fx.repr)) {
    it(name, () => expect(String(cases[name])).toBe(expected));
  }
});

describe('member names, in registration order, each once', () => {
  const net = new Net();
  const deleted = new Sequential(new Leaf(1), new Leaf(2), new Leaf(3));
  deleted.delete(1);
  const inserted = new Sequential(new Leaf(1), new Leaf(2));
  inserted.insert(1, new Empty());
  const cases: Record<string, () => string[]> = {
    'named_parameters()': () => names(net.namedParameters()),
    "named_parameters(prefix='m')": () => names(net.namedParameters('m')),
    'named_parameters(recurse=False)': () => names(net.namedParameters({ recurse: false })),
    'named_buffers()': () => names(net.namedBuffers()),
    'named_modules()': () => names(net.namedModules()),
    'named_modules(remove_duplicate=False)': () => names(net.namedModules({ removeDuplicate: false })),
    "named_modules(prefix='root')": () => names(net.namedModules({ prefix: 'root' })),
    'named_children()': () => names(net.namedChildren()),
    'state_dict()': () => Object.keys(net.stateDict()),
    "state_dict(prefix='p.')": () => Object.keys(net.stateDict({ prefix: 'p.' })),
    'Sequential del [1]': () => names(deleted.namedChildren()),
    'Sequential insert(1)': () => names(inserted.namedModules()),
  };
  for (const [name, expected] of Object.entries(fx.members)) {
    it(name, () => expect(cases[name]!()).toEqual(expected));
  }
  it('state_dict _metadata: one version per module, keyed by prefix', () => {
    const sd = net.stateDict();
    expect(metadataOf(sd)).toEqual(fx.metadata);
    expect(Object.keys(sd)).not.toContain('_metadata');
  });
});

describe('registration and lookup errors with PyTorch\'s wording', () => {
  const m = new Small();
  const bare = (): Empty => Object.create(Empty.prototype) as Empty;
  const anyArg = (v: unknown): never => v as never;
  const cases: Record<string, () => unknown> = {
    'register_buffer dotted': () => m.registerBuffer('a.b', torch.zeros(1)),
    'register_buffer empty': () => m.registerBuffer('', torch.zeros(1)),
    'register_buffer existing attribute': () => m.registerBuffer('fc', torch.zeros(1)),
    'register_buffer not a tensor': () => m.registerBuffer('x', anyArg(3)),
    'register_buffer name not str': () => m.registerBuffer(anyArg(1), torch.zeros(1)),
    'register_parameter dotted': () => m.registerParameter('a.b', null),
    'register_parameter empty': () => m.registerParameter('', null),
    'register_parameter existing attribute': () => m.registerParameter('count', null),
    'register_parameter not a Parameter': () => m.registerParameter('x', anyArg(torch.zeros(1))),
    'register_parameter non-leaf': () => m.registerParameter('x', anyArg(new Parameter(torch.zeros(1)).mul(2))),
    'add_module not a module': () => m.addModule('x', anyArg(3)),
    'add_module dotted': () => m.addModule('a.b', new Empty()),
    'add_module empty': () => m.addModule('', new Empty()),
    'add_module existing attribute': () => m.addModule('count', new Empty()),
    'assign tensor to parameter': () => ((m.fc as unknown as Record<string, unknown>).w = torch.zeros(2)),
    'assign int to child module': () => ((m as unknown as Record<string, unknown>).fc = 3),
    'assign int to buffer': () => ((m as unknown as Record<string, unknown>).count = 3),
    'register_buffer before __init__': () => bare().registerBuffer('b', torch.zeros(1)),
    'register_parameter before __init__': () => bare().registerParameter('w', null),
    'get_submodule missing': () => m.getSubmodule('fc.nope'),
    'get_submodule not a module': () => m.getSubmodule('count'),
    'get_parameter not a parameter': () => m.getParameter('count'),
    'get_buffer not a buffer': () => m.getBuffer('fc.w'),
    'train not bool': () => m.train(anyArg(1)),
    'to int dtype': () => m.to('int64'),
    'forward missing': () => new Empty().call(torch.zeros(1)),
    'Sequential index out of range': () => new Sequential(new Empty()).at(3),
    'ModuleList index out of range': () => new ModuleList([new Empty()]).at(-2),
    'ModuleDict missing key': () => new ModuleDict({ a: new Empty() }).get('b'),
    'ParameterList call': () => new ParameterList().call(),
  };
  for (const [name, { type, message }] of Object.entries(fx.errors)) {
    it(name, () => {
      let err: unknown;
      try {
        cases[name]!();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(torch.TorchError);
      expect((err as Error).name).toBe(type);
      expect((err as Error).message).toBe(type === 'NotImplementedError' ? `not implemented: ${message}` : message);
    });
  }
  it('an object made without the constructor cannot register a submodule either', () => {
    expect(() => (Object.create(Empty.prototype) as Empty).addModule('m', new Empty())).toThrow('cannot assign module before Module.__init__() call');
  });
});

describe('load_state_dict errors', () => {
  const anyDict = (v: unknown): Record<string, unknown> => v as Record<string, unknown>;
  const cases: Record<string, () => unknown> = {
    'load missing and unexpected': () => new Small().loadStateDict({ 'fc.w': torch.zeros(2), extra: torch.zeros(1), 'fc.extra.x': torch.zeros(1) }),
    'load size mismatch': () => new Small(2).loadStateDict(new Small(3).stateDict()),
    'load size mismatch and missing': () => new Small(2).loadStateDict({ 'fc.w': torch.zeros(5) }),
    'load not a tensor': () => new Small().loadStateDict(anyDict({ 'fc.w': 3, count: torch.zeros(1) })),
  };
  for (const [name, { type, message }] of Object.entries(fx.load)) {
    it(name, () => {
      // shapes print as torchlet prints them ([3], not torch.Size([3])), as the issue words the message
      const expected = message.replace(/torch\.Size\((\[[^\]]*\])\)/g, '$1');
      expect(cases[name]).toThrow(expect.objectContaining({ name: type, message: expected }));
    });
  }
});
