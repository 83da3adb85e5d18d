// Every layer constructor, nn.F function and nn.init function declares PyTorch's Python signature
// (tools/fixtures/nn_signatures.py): parameter names, order, defaults and keyword-only markers.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '@torchlet/tensor';
import { camelCase, signatureRegistry } from '@torchlet/tensor';
import '../src/index.js';
import { loadFixture } from './fixtureTools.js';

interface PyParam {
  name: string;
  kw_only: boolean;
  default?: unknown;
}
const fx = loadFixture<Record<'classes' | 'functional' | 'init', Record<string, PyParam[]>>>('nn_signatures.json');

const decode = (v: unknown): unknown => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : Array.isArray(v) ? v.map(decode) : v);

/** '' when the declared parameters are PyTorch's, else what differs. */
function difference(declared: readonly ParamSpec[], python: readonly PyParam[]): string {
  const names = declared.map((p) => p.pyName).join(', ');
  if (names !== python.map((p) => p.name).join(', ')) return `names (${names}) vs (${python.map((p) => p.name).join(', ')})`;
  for (let i = 0; i < python.length; i++) {
    const d = declared[i]!;
    const p = python[i]!;
    if (d.kwOnly !== p.kw_only) return `${p.name}: keyword-only ${d.kwOnly} vs ${p.kw_only}`;
    if (d.hasDefault !== ('default' in p)) return `${p.name}: has a default ${d.hasDefault} vs ${'default' in p}`;
    // a Python function as the default (activation=F.relu) is declared by its name ("relu")
    const isFunction = typeof p.default === 'object' && p.default !== null && 'function' in p.default;
    if ('default' in p && !isFunction && JSON.stringify(d.defaultValue) !== JSON.stringify(decode(p.default))) {
      return `${p.name}: default ${JSON.stringify(d.defaultValue)} vs ${JSON.stringify(p.default)}`;
    }
  }
  return '';
}

describe.each(['classes', 'functional', 'init'] as const)('%s declare PyTorch\'s signatures', (group) => {
  for (const [name, python] of Object.entries(fx[group])) {
    it(name, () => {
      const candidates = signatureRegistry.filter((s) => s.name === camelCase(name));
      expect(candidates.length, `no declaration named ${camelCase(name)}`).toBeGreaterThan(0);
      const diffs = candidates.map((s) => difference(s.overloads[0]!.params, python));
      // torch.<op> and F.<op> may share a name (relu, softmax): one of them must be F's
      expect(diffs.includes('') ? '' : diffs[0]).toBe('');
    });
  }
});
