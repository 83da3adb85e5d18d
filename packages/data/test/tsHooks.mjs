// Node module hooks that let DataLoader worker threads run this repository's
// TypeScript sources in tests (vitest transforms the test thread's modules itself;
// worker threads load modules through Node): '@torchlet/source' resolves workspace
// packages to their sources, a missing './x.js' is tried as './x.ts', and .ts files
// are stripped of their types by oxc (the transformer vite ships).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { transformSync } = await import(createRequire(require.resolve('vite')).resolve('rolldown/utils'));

export async function resolve(specifier, context, next) {
  const ctx = { ...context, conditions: ['@torchlet/source', ...context.conditions] };
  try {
    return await next(specifier, ctx);
  } catch (e) {
    const relative = specifier.startsWith('.') || specifier.startsWith('file:');
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && relative && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, ctx);
    throw e;
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  const { code, errors } = transformSync(path, await readFile(path, 'utf8'), { lang: 'ts', sourcemap: false });
  if (errors.length > 0) throw new Error(`${path}: ${errors.map((e) => e.message).join('; ')}`);
  return { format: 'module', source: code, shortCircuit: true };
}
