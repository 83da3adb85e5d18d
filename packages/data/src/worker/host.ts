// Starting a worker: a worker thread in Node, a module Web Worker in a browser.

import { RuntimeError } from '@torchlet/tensor';
import type { FromWorker, ToWorker } from './protocol.js';

/** A started worker, as the loader drives it. */
export interface WorkerHandle {
  post(message: ToWorker): void;
  /** Called with each message; `failed` when the worker dies (an uncaught error, or it exits on its own). */
  listen(onMessage: (m: FromWorker) => void, failed: (reason: string, error: Error | undefined) => void): void;
  terminate(): void;
}

interface NodeWorker {
  postMessage(m: unknown): void;
  on(event: 'message', h: (m: FromWorker) => void): void;
  on(event: 'error', h: (e: Error) => void): void;
  on(event: 'exit', h: (code: number) => void): void;
  unref(): void;
  terminate(): Promise<number>;
}

type NodeWorkerClass = new (url: URL, opts: { name: string }) => NodeWorker;

/** Node's worker_threads Worker, or undefined outside Node. */
function nodeWorkerClass(): NodeWorkerClass | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return (p?.getBuiltinModule?.('node:worker_threads') as { Worker?: NodeWorkerClass } | undefined)?.Worker;
}

/**
 * Starts the worker script at `url`. Node workers are unref'd: a loader that was dropped
 * without being finished never keeps the process alive (the loader holds the event loop
 * open itself while it waits for a batch).
 * @example const w = spawnWorker(url, 'DataLoader worker 0');
 */
export function spawnWorker(url: string, name: string): WorkerHandle {
  const NodeWorkerCtor = nodeWorkerClass();
  if (NodeWorkerCtor !== undefined) {
    const w = new NodeWorkerCtor(new URL(url), { name });
    let stopping = false;
    return {
      post: (m) => w.postMessage(m),
      listen(onMessage, failed) {
        let error: Error | undefined;
        w.on('message', onMessage);
        w.on('error', (e) => (error = e));
        w.on('exit', (code) => {
          if (!stopping) failed(`exited unexpectedly (exit code ${code})`, error);
        });
        // after the listeners: adding a 'message' listener refs the worker's port again
        w.unref();
      },
      terminate() {
        stopping = true;
        void w.terminate();
      },
    };
  }
  const WebWorker = (globalThis as { Worker?: new (url: string, opts: { type: 'module'; name: string }) => Worker }).Worker;
  if (WebWorker === undefined) throw new RuntimeError('numWorkers > 0 needs worker threads (Node) or Web Workers (browsers); use numWorkers: 0 here');
  const w = new WebWorker(url, { type: 'module', name });
  return {
    post: (m) => w.postMessage(m),
    listen(onMessage, failed) {
      w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        failed('failed', e.error instanceof Error ? e.error : new Error(e.message));
      };
      w.onmessageerror = () => failed('sent a message that could not be read', undefined);
    },
    terminate: () => w.terminate(),
  };
}

