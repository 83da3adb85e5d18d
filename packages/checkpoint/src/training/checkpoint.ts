// Training checkpoints: everything a run needs to resume (model, optimizer, scheduler, generator
// states, data-loader position, counters, user data) in one .pt file that torch.load reads too,
// written atomically, optionally one file per step with only the last N kept.
import type { Device, Tensor } from '@torchlet/tensor';
import { isTensor } from '@torchlet/tensor';
import { CheckpointError } from '../errors.js';
import { writeAtomically } from '../fs/atomic.js';
import type { FileSystem } from '../fs/fileSystem.js';
import { defaultFileSystem } from '../fs/fileSystem.js';
import { openSource } from '../fs/openSource.js';
import { basename, extension } from '../fs/path.js';
import { loadPt } from '../pt/load.js';
import { savePt } from '../pt/save.js';
import { fillTemplate, isTemplate, rotate, templateFiles, templateMatcher } from './rotation.js';

/** Anything with PyTorch's state-dict pair: a Module, an Optimizer, an LR scheduler, a DataLoader. */
export interface Stateful {
  stateDict(): unknown;
  loadStateDict(state: never): unknown;
}

/** A random generator whose whole state is a tensor (`@torchlet/tensor`'s Generator). */
export interface GeneratorLike {
  getState(): Tensor;
  setState(state: Tensor): unknown;
}

/** What a checkpoint holds; every part is optional. */
export interface CheckpointParts {
  model?: Stateful;
  optimizer?: Stateful;
  scheduler?: Stateful;
  /** The data loader (its position: epoch, batch, sampler state). */
  loader?: Stateful;
  /** One generator, or several by name (`{ cpu: torch.defaultGenerator, dropout: g }`). */
  generator?: GeneratorLike | Readonly<Record<string, GeneratorLike>>;
  step?: number;
  epoch?: number;
  /** Anything else to keep: objects, arrays, numbers, strings, tensors. */
  extra?: unknown;
}

/** Options of saveCheckpoint. */
export interface SaveCheckpointOptions {
  /** With a `{step}`/`{epoch}` path: keep only this many newest checkpoints. */
  keepLast?: number;
  /** The file system (default: Node's, or OPFS in a browser); tests inject failures here. */
  fs?: FileSystem;
}

/** Options of loadCheckpoint. */
export interface LoadCheckpointOptions {
  /** Where tensors go before the parts load them (default 'cpu'). */
  mapLocation?: Device;
  fs?: FileSystem;
}

/** What loadCheckpoint gives back besides restoring the parts. */
export interface LoadedCheckpoint {
  /** The file read (a template resolves to its newest file). */
  path: string;
  step: number | undefined;
  epoch: number | undefined;
  extra: unknown;
  /** The whole checkpoint as stored. */
  state: Record<string, unknown>;
}

/** The key that marks a torchlet training checkpoint, and its format version. */
const MARK = 'torchlet_checkpoint';
const STATEFUL = ['model', 'optimizer', 'scheduler', 'loader'] as const;

function isGenerator(g: unknown): g is GeneratorLike {
  return typeof (g as GeneratorLike).getState === 'function' && typeof (g as GeneratorLike).setState === 'function';
}

function checkPath(path: string): void {
  const ext = extension(path.replace(/\{(step|epoch)\}/g, '0'));
  if (ext !== '.pt' && ext !== '.pth') {
    throw new CheckpointError(path, 'not implemented: training checkpoints are .pt/.pth files (safetensors holds only a flat dict of tensors)');
  }
}

/**
 * Saves a training checkpoint atomically: a crash at any moment leaves the previous file intact.
 * A `{step}` (or `{epoch}`) in the path names one file per step; `keepLast` deletes older ones.
 * The file is a `.pt` dict (`model`, `optimizer`, …), so PyTorch's torch.load reads it too.
 * @example
 * await saveCheckpoint('ckpt/step-{step}.pt', { model, optimizer, scheduler, generator: torch.defaultGenerator, loader, step, epoch }, { keepLast: 3 });
 */
export async function saveCheckpoint(path: string, parts: CheckpointParts, opts: SaveCheckpointOptions = {}): Promise<string> {
  checkPath(path);
  const target = isTemplate(path) ? fillTemplate(path, parts) : path;
  if (opts.keepLast !== undefined && (!isTemplate(path) || !Number.isSafeInteger(opts.keepLast) || opts.keepLast < 1)) {
    throw new TypeError('saveCheckpoint: keepLast needs a path with {step} or {epoch} and a positive integer');
  }
  const state: Record<string, unknown> = { [MARK]: 1 };
  for (const k of STATEFUL) if (parts[k]) state[k] = await parts[k].stateDict();
  if (parts.generator) {
    const g = parts.generator;
    state.generator = isGenerator(g) ? g.getState() : Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.getState()]));
  }
  for (const k of ['step', 'epoch', 'extra'] as const) if (parts[k] !== undefined) state[k] = parts[k];
  const fs = opts.fs ?? (await defaultFileSystem());
  const owns = isTemplate(path) ? (name: string) => templateMatcher(path)(name) !== null : (name: string) => name === basename(target);
  await writeAtomically(fs, target, (sink) => savePt(state, sink, target), owns);
  if (opts.keepLast !== undefined) await rotate(fs, path, opts.keepLast);
  return target;
}

/**
 * The newest checkpoint of a `{step}`/`{epoch}` path, or null when there is none yet.
 * @example const last = await latestCheckpoint('ckpt/step-{step}.pt'); if (last) await loadCheckpoint(last, { model });
 */
export async function latestCheckpoint(template: string, opts: { fs?: FileSystem } = {}): Promise<string | null> {
  const files = await templateFiles(opts.fs ?? (await defaultFileSystem()), template);
  return files[files.length - 1] ?? null;
}

/**
 * Loads a training checkpoint into the parts given (each `loadStateDict`, generators `setState`)
 * and returns the counters and user data. A path with `{step}` loads the newest file.
 * @example const { step, epoch } = await loadCheckpoint('ckpt/step-{step}.pt', { model, optimizer, generator: torch.defaultGenerator });
 */
export async function loadCheckpoint(path: string, parts: Omit<CheckpointParts, 'step' | 'epoch' | 'extra'> = {}, opts: LoadCheckpointOptions = {}): Promise<LoadedCheckpoint> {
  const fs = opts.fs ?? (await defaultFileSystem());
  let file = path;
  if (isTemplate(path)) {
    const latest = await latestCheckpoint(path, { fs });
    if (latest === null) throw new CheckpointError(path, 'no checkpoint matches this path yet');
    file = latest;
  }
  const source = await openSource(file, fs);
  let state: unknown;
  try {
    state = await loadPt(source, opts.mapLocation ?? 'cpu');
  } finally {
    await source.close();
  }
  if (typeof state !== 'object' || state === null || !(MARK in state)) throw new CheckpointError(file, 'not a training checkpoint (saveCheckpoint writes one)');
  const s = state as Record<string, unknown>;
  for (const k of STATEFUL) {
    const part = parts[k];
    if (!part) continue;
    if (!(k in s)) throw new CheckpointError(file, `the checkpoint holds no '${k}' state`);
    await part.loadStateDict(s[k] as never);
  }
  if (parts.generator) restoreGenerators(parts.generator, s.generator, file);
  return { path: file, step: s.step as number | undefined, epoch: s.epoch as number | undefined, extra: s.extra, state: s };
}

function restoreGenerators(g: GeneratorLike | Readonly<Record<string, GeneratorLike>>, saved: unknown, file: string): void {
  if (isGenerator(g)) {
    if (!isTensor(saved)) throw new CheckpointError(file, 'the checkpoint holds no single generator state');
    g.setState(saved);
    return;
  }
  const byName = saved as Record<string, unknown> | undefined;
  for (const [name, gen] of Object.entries(g)) {
    const t = byName?.[name];
    if (!isTensor(t)) throw new CheckpointError(file, `the checkpoint holds no state of generator '${name}'`);
    gen.setState(t);
  }
}
