import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// DataLoader workers are Node worker threads: they run the TypeScript sources through test/tsHooks.mjs
export default mergeConfig(sharedConfig, {
  test: {
    setupFiles: ['test/setup.ts'],
    execArgv: ['--import', fileURLToPath(new URL('./test/registerTsHooks.mjs', import.meta.url))],
  },
});
