// The derivative table: one entry per differentiable op of @torchlet/tensor, by op name.

import { binaryDerivatives } from './binary.js';
import { convDerivatives } from './conv.js';
import { copyDerivatives } from './copy.js';
import { indexOpDerivatives } from './indexOps.js';
import { joinDerivatives } from './join.js';
import { linalgDerivatives } from './linalg.js';
import { maskedDerivatives } from './masked.js';
import { orderDerivatives } from './order.js';
import { poolDerivatives } from './pool.js';
import { reduceDerivatives } from './reduce.js';
import { resampleDerivatives } from './resample.js';
import { shapeOpDerivatives } from './shapeOps.js';
import type { Derivative } from './types.js';
import { unaryDerivatives } from './unary.js';
import { viewDerivatives } from './views.js';

const table = new Map<string, Derivative>();
for (const family of [unaryDerivatives, binaryDerivatives, reduceDerivatives, viewDerivatives, joinDerivatives, linalgDerivatives, copyDerivatives,
  indexOpDerivatives, maskedDerivatives, orderDerivatives, shapeOpDerivatives, convDerivatives, poolDerivatives, resampleDerivatives]) {
  for (const [op, d] of Object.entries(family)) {
    if (table.has(op)) throw new Error(`derivative of '${op}' defined twice`);
    table.set(op, d);
  }
}

/** Op name → derivative. */
export const derivatives: ReadonlyMap<string, Derivative> = table;

/**
 * Adds the derivative of an op defined outside @torchlet/tensor (with `defineOp`), so that
 * packages with their own ops make them differentiable the same way.
 * @example registerDerivative('myOp', { node: 'MyOpBackward0', vjp: (ctx) => [ctx.grad] })
 */
export function registerDerivative(op: string, d: Derivative): void {
  if (table.has(op)) throw new Error(`derivative of '${op}' defined twice`);
  table.set(op, d);
}
