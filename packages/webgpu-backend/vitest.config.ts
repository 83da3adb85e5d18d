// Tests run twice in one vitest run (one JSON report): in Node on Dawn (the
// `webgpu` package), and in headless Debian Chromium through vitest's browser
// mode; both on SwiftShader, Vulkan on the CPU.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// Dawn finds SwiftShader's Vulkan driver through these; worker threads copy the
// environment, and turbo would strip them, so they are set here.
process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.XDG_RUNTIME_DIR ??= '/tmp';

// WebGPU in headless Chromium without a GPU (TOOLCHAIN.md); never `playwright install`
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--enable-unsafe-webgpu',
  '--disable-gpu',
  '--no-first-run',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'webgpu-node', environment: 'node' } },
        {
          extends: true,
          test: {
            name: 'webgpu-browser',
            // node-only tests (Dawn, process, gc) stay out of the browser
            exclude: ['src/**/*.node.test.ts'],
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
