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

// Headless Debian Chromium as TOOLCHAIN.md runs it (never `playwright install`).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The `test.browser` settings of vitest's browser mode in headless Debian Chromium. `playwright`
 * is @vitest/browser-playwright's (the packages that run browser tests depend on it); `args` adds
 * Chromium flags (`--enable-unsafe-webgpu`).
 */
export function chromiumBrowser<P>(playwright: (opts: { launchOptions: { executablePath: string; args: string[] } }) => P, args: string[] = []) {
  return {
    enabled: true,
    headless: true,
    api: { host: '127.0.0.1' },
    provider: playwright({ launchOptions: { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args] } }),
    instances: [{ browser: 'chromium' as const }],
  };
}
