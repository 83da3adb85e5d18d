// Every optimizer and option combination, 50 steps (LBFGS: 10) on a quadratic and a small MLP in
// float32 and float64, against PyTorch's losses and parameters (tools/fixtures/optim.py).
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { DType } from '@torchlet/tensor';
import type { Encoded } from './fixtureTools.js';
import { TOL, compareValues, flatValues, loadFixture } from './fixtureTools.js';
import type { GroupSpec } from './optimizers.js';
import { makeOptimizer, trainStep } from './optimizers.js';
import type { ProblemName, ProblemSpec } from './problems.js';
import { buildProblem, lossOf } from './problems.js';

interface Case {
  name: string;
  optimizer: string;
  kwargs: Record<string, unknown>;
  groups: GroupSpec[] | null;
  negate: boolean;
  problem: ProblemName;
  dtype: DType;
  steps: number;
  losses: number[];
  params: Record<string, Encoded[]>;
}

const fx = loadFixture<{ problems: Record<string, Record<ProblemName, ProblemSpec>>; cases: Case[] }>('optim.json');

describe('optimizer trajectories match PyTorch', () => {
  it.each(fx.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { params, data } = buildProblem(fx.problems[c.dtype]![c.problem]);
    const opt = makeOptimizer(c.optimizer, c.kwargs, params, c.groups);
    const losses: number[] = [];
    const problems: string[] = [];
    for (let step = 1; step <= c.steps; step++) {
      losses.push(trainStep(opt, () => lossOf(c.problem, params, data), c.negate));
      const expected = c.params[String(step)];
      if (expected !== undefined) {
        const bad = compareValues(flatValues(params), expected, TOL[c.dtype]!);
        if (bad) problems.push(`params after step ${step}: ${bad}`);
      }
    }
    const bad = compareValues(losses, c.losses, TOL[c.dtype]!);
    if (bad) problems.push(`losses: ${bad}`);
    expect(problems).toEqual([]);
  });
});
