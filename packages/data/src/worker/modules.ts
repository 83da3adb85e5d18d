// Modules every DataLoader worker imports before it rebuilds the dataset (a
// worker starts with nothing registered: no backend), and how module URLs are
// resolved when the package runs from its TypeScript sources.

const setup: string[] = [];

/**
 * Adds a module every DataLoader worker imports first, before rebuilding the dataset: one that
 * registers a backend (`registerBackend(cpu())`) and whatever else the dataset's code needs.
 * The `torchlet` package registers its own (the CPU backend); with the packages à la carte,
 * register a module of yours.
 * @example registerWorkerModule(new URL('./workerSetup.js', import.meta.url));
 */
export function registerWorkerModule(url: string | URL): void {
  const href = String(url);
  if (!setup.includes(href)) setup.push(href);
}

/** @internal The registered worker modules, in order. */
export function workerModules(): readonly string[] {
  return setup;
}

interface NodeFs {
  existsSync(path: string | URL): boolean;
}

/** Node's `fs`, or undefined in a browser. */
function nodeFs(): NodeFs | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.('node:fs') as NodeFs | undefined;
}

/**
 * A module URL that exists: a `file:` URL ending in `.js` whose file is missing is tried as
 * `.ts` (the package's own sources, when a TypeScript loader runs them, as in its tests).
 * @example resolveModuleUrl(new URL('./main.js', import.meta.url))
 */
export function resolveModuleUrl(url: string | URL): string {
  const href = String(url);
  const fs = nodeFs();
  if (fs === undefined || !href.startsWith('file:') || !href.endsWith('.js')) return href;
  if (fs.existsSync(new URL(href))) return href;
  const ts = `${href.slice(0, -3)}.ts`;
  return fs.existsSync(new URL(ts)) ? ts : href;
}
