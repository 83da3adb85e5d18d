// Node module hooks that let DataLoader worker threads run this repository's
// TypeScript sources in tests (vitest transforms the test thread's modules itself;
// worker threads load modules through Node). A .ts module of the repository is
// stripped of its types by oxc (the transformer vite ships) into a mirror tree
// under node_modules/.cache/torchlet-ts, once per change, and Node loads that .js
// file: handing source text through a load hook costs Node 20 milliseconds per
// module. Workspace packages resolve to their (mirrored) sources, and './x.js'
// inside the sources means './x.ts'.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { transformSync } = await import(createRequire(require.resolve('vite')).resolve('rolldown/utils'));

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'torchlet-ts');

/** Workspace package name → its source entry (src/index.ts). */
const PACKAGES = new Map();
for (const dir of readdirSync(join(ROOT, 'packages'))) {
  try {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
    for (const [key, value] of Object.entries(manifest.exports ?? {})) {
      const src = typeof value === 'object' ? value['@torchlet/source'] : undefined;
      if (src) PACKAGES.set(key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`, join(ROOT, 'packages', dir, src));
    }
  } catch {
    // not a package
  }
}

/** The mirrored .js of a repository .ts file, (re)written when the source is newer. */
function mirror(tsPath) {
  const out = join(CACHE, relative(ROOT, tsPath)).replace(/\.ts$/, '.js');
  const srcTime = statSync(tsPath).mtimeMs;
  if (!existsSync(out) || statSync(out).mtimeMs < srcTime) {
    const { code, errors } = transformSync(tsPath, readFileSync(tsPath, 'utf8'), { lang: 'ts', sourcemap: false });
    if (errors.length > 0) throw new Error(`${tsPath}: ${errors.map((e) => e.message).join('; ')}`);
    mkdirSync(dirname(out), { recursive: true });
    // several workers may write the same file: write aside, then rename over
    const tmp = `${out}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, out);
  }
  return pathToFileURL(out).href;
}

/** The repository source path a (mirrored) URL stands for. */
function sourcePath(url) {
  const path = fileURLToPath(url);
  return path.startsWith(CACHE + sep) ? join(ROOT, relative(CACHE, path)) : path;
}

export async function resolve(specifier, context, next) {
  const entry = PACKAGES.get(specifier);
  if (entry !== undefined) return { url: mirror(entry), format: 'module', shortCircuit: true };
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) {
    const base = context.parentURL ? pathToFileURL(sourcePath(context.parentURL)) : undefined;
    const target = sourcePath(new URL(specifier, base).href);
    const ts = target.endsWith('.js') ? `${target.slice(0, -3)}.ts` : target;
    if (ts.endsWith('.ts') && ts.startsWith(ROOT + sep) && existsSync(ts)) return { url: mirror(ts), format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}
