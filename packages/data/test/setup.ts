// The CPU backend in the test thread, and the same in every DataLoader worker.
import { registerWorkerModule } from '../src/index.js';
import './workerSetup.js';

registerWorkerModule(new URL('./workerSetup.ts', import.meta.url));
