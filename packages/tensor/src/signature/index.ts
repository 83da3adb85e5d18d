// The argument binder: PyTorch-style signatures declared once per op (see bind.ts).
export type { Bound } from './bind.js';
export { Signature, signature, signatureRegistry } from './bind.js';
export type { OverloadSpec, ParamSpec, TypeSpec } from './schema.js';
export { camelCase, parseSchema } from './schema.js';
export { describeValue, isPlainObject } from './types.js';
