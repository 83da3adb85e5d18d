// Tests run twice in one vitest run (one JSON report): the Node tests (files, child processes,
// PyTorch round trips), and the *.browser.test.ts files in headless Debian Chromium (OPFS, Blobs,
// streams) through vitest's browser mode.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// headless Chromium as TOOLCHAIN.md runs it; never `playwright install`
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'checkpoint-node', environment: 'node', exclude: ['**/*.browser.test.ts', '**/node_modules/**'] } },
        {
          // not `extends: true`: that would add the shared include list to this one
          resolve: sharedConfig.resolve,
          test: {
            name: 'checkpoint-browser',
            testTimeout: 60_000,
            include: ['test/**/*.browser.test.ts'],
            browser: {
              enabled: true,
              headless: true,
              api: { host: '127.0.0.1' },
              provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS } }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  }),
);
