// The entry point of a DataLoader worker (a Node worker thread or a Web Worker):
// imports the registered setup modules, rebuilds the dataset from its spec, seeds
// the default generator with base_seed + worker_id, then loads the batches it is
// sent, one at a time, as PyTorch's _worker_loop does.

import { manualSeed } from '@torchlet/tensor';
import type { CollateFn, Fetcher } from '../loader/fetch.js';
import { END, FetchError, createFetcher } from '../loader/fetch.js';
import { setWorkerInfo } from './info.js';
import { resolveModuleUrl } from './modules.js';
import type { FromWorker, InitMessage, ToWorker } from './protocol.js';
import { serializeError } from './protocol.js';
import type { Encoded } from './spec.js';
import { BUILTIN, decodeInWorker } from './spec.js';
import { packResult } from './transfer.js';

interface Port {
  post(message: FromWorker, transfer?: ArrayBuffer[]): void;
  listen(handler: (message: ToWorker) => void): void;
  close(): void;
}

interface NodePort {
  postMessage(m: unknown, transfer?: ArrayBuffer[]): void;
  on(event: 'message', h: (m: ToWorker) => void): void;
  close(): void;
}

/** The channel to the main thread: Node's parentPort, or the Web Worker global scope. */
function connect(): Port {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const wt = proc?.getBuiltinModule?.('node:worker_threads') as { parentPort: NodePort | null } | undefined;
  if (wt?.parentPort) {
    const port = wt.parentPort;
    return {
      post: (m, t) => port.postMessage(m, t),
      listen: (h) => port.on('message', h),
      close: () => port.close(),
    };
  }
  const scope = globalThis as unknown as { postMessage(m: unknown, t?: ArrayBuffer[]): void; onmessage: ((e: { data: ToWorker }) => void) | null; close(): void };
  return {
    post: (m, t) => scope.postMessage(m, t),
    listen: (h) => (scope.onmessage = (e) => h(e.data)),
    close: () => scope.close(),
  };
}

/** A spec's module: this package's own exports (datasets and transforms included) for built-ins, else the module at the URL. */
async function loadModule(module: string): Promise<Record<string, unknown>> {
  if (module !== BUILTIN) return (await import(resolveModuleUrl(module))) as Record<string, unknown>;
  const own = await import('../index.js');
  return { ...own, ...own.datasets, ...own.transforms };
}

/** One worker's state once initialised. */
interface State {
  readonly init: InitMessage;
  readonly dataset: unknown;
  readonly collate: CollateFn;
  fetcher: Fetcher | undefined;
  /** An error of the setup or of workerInitFn, reported with the first task (as PyTorch). */
  initError: unknown;
  iterationEnd: boolean;
}

async function initialise(m: InitMessage): Promise<State> {
  let state: State;
  try {
    for (const url of m.modules) await import(resolveModuleUrl(url));
    manualSeed(m.seed);
    const dataset = await decodeInWorker(m.dataset, loadModule);
    const collate = (await decodeInWorker(m.collateFn, loadModule)) as CollateFn;
    setWorkerInfo({ id: m.workerId, numWorkers: m.numWorkers, seed: m.seed, dataset });
    state = { init: m, dataset, collate, fetcher: undefined, initError: undefined, iterationEnd: false };
  } catch (e) {
    return { init: m, dataset: undefined, collate: (b) => b, fetcher: undefined, initError: e, iterationEnd: false };
  }
  try {
    const initFn = (await decodeInWorker(m.initFn as Encoded, loadModule)) as ((id: number) => unknown) | null;
    if (initFn !== null && initFn !== undefined) await initFn(m.workerId);
    state.fetcher = createFetcher(m.iterable, state.dataset, m.autoCollation, state.collate, m.dropLast);
  } catch (e) {
    state.initError = e;
  }
  return state;
}

function run(port: Port): void {
  let state: Promise<State> | undefined;
  // messages are handled strictly one after the other
  let queue: Promise<void> = Promise.resolve();
  const handle = async (m: ToWorker): Promise<void> => {
    if (m.type === 'init') {
      state = initialise(m);
      await state;
      return;
    }
    if (m.type === 'stop') {
      port.close();
      return;
    }
    const s = await state!;
    const workerId = s.init.workerId;
    if (m.type === 'resume') {
      s.iterationEnd = false;
      if (s.initError === undefined) s.fetcher = createFetcher(s.init.iterable, s.dataset, s.init.autoCollation, s.collate, s.init.dropLast);
      port.post({ type: 'resumed', workerId });
      return;
    }
    if (s.iterationEnd) return;
    if (s.initError !== undefined) {
      const e = s.initError;
      s.initError = undefined;
      port.post({ type: 'error', idx: m.idx, workerId, index: null, error: serializeError(e) });
      return;
    }
    try {
      const data = await s.fetcher!.fetch(m.index);
      if (data === END) {
        s.iterationEnd = true;
        port.post({ type: 'end', idx: m.idx, workerId });
      } else if (m.discard) port.post({ type: 'discarded', idx: m.idx, workerId });
      else {
        const { data: packed, transfer } = packResult(data);
        port.post({ type: 'result', idx: m.idx, workerId, data: packed }, transfer);
      }
    } catch (e) {
      const tagged = e instanceof FetchError;
      port.post({ type: 'error', idx: m.idx, workerId, index: tagged ? e.index : m.index, error: serializeError(tagged ? e.cause : e) });
    }
  };
  port.listen((m) => {
    queue = queue
      .then(() => handle(m))
      .catch((e: unknown) => port.post({ type: 'error', idx: m.type === 'task' ? m.idx : -1, workerId: -1, index: null, error: serializeError(e) }));
  });
}

run(connect());
