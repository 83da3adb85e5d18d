// Shared vitest settings: run tests on sources (the @torchlet/source export
// condition), so no package has to be built before its dependents are tested.
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export const sharedConfig = defineConfig({
  resolve: { conditions: ['@torchlet/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@torchlet/source', ...defaultServerConditions] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    testTimeout: 60_000,
    passWithNoTests: true,
  },
});
