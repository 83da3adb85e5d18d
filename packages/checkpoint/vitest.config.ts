// Tests run twice in one vitest run (one JSON report): the Node tests (files, child processes,
// PyTorch round trips), and the *.browser.test.ts files in headless Debian Chromium (OPFS, Blobs,
// streams) through vitest's browser mode.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { chromiumBrowser, sharedConfig } from '../../vitest.shared.ts';

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
            browser: chromiumBrowser(playwright),
          },
        },
      ],
    },
  }),
);
