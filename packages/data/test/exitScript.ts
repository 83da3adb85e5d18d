// Run by workers.test.ts in a child process: iterates a loader with two workers and ends
// the iteration in one way; the process must then exit on its own (no worker left running).
import { DataLoader } from '../src/index.js';
import './setup.js';
import { Faulty, Squares } from './workerDatasets.js';

const mode = process.argv[2];
const dataset: Faulty | Squares = mode === 'error' ? new Faulty(10, 3) : new Squares(40);
const loader = new DataLoader<unknown>(dataset as Squares, { batchSize: 2, numWorkers: 2 });
if (mode === 'finish') {
  for await (const _ of loader) void _;
} else if (mode === 'break') {
  for await (const _ of loader) break;
} else if (mode === 'drop') {
  // one batch, then the iterator is simply forgotten
  await loader[Symbol.asyncIterator]().next();
} else {
  try {
    for await (const _ of loader) void _;
  } catch {
    // the error ends the iteration
  }
}
console.log(`done ${mode}`);
