// The child process of crash.test.ts: saves a 64 MB checkpoint again and again, each version
// filled with its own step number, and says on stdout when each save starts and ends. The
// parent kills it with SIGKILL at random moments. Bundled by the test (it runs outside vitest).
import { cpu } from '@torchlet/cpu-backend';
import * as torch from '@torchlet/tensor';
import { saveCheckpoint } from '../src/index.js';

torch.registerBackend(cpu());
const [path, first] = [process.argv[2]!, Number(process.argv[3])];
const ELEMENTS = 16 * 1024 * 1024; // 64 MB of float32
const big = torch.zeros(ELEMENTS);
const small = torch.zeros(3, { dtype: 'int64' });

for (let step = first; ; step++) {
  big.fill_(step);
  small.fill_(step);
  process.stdout.write(`start ${step}\n`);
  await saveCheckpoint(path, { model: { stateDict: () => ({ big, small }), loadStateDict: () => undefined }, step });
  process.stdout.write(`saved ${step}\n`);
}
