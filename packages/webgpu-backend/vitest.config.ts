// Tests run twice in one vitest run (one JSON report): in Node on Dawn (the
// `webgpu` package), and in headless Debian Chromium through vitest's browser
// mode; both on SwiftShader, Vulkan on the CPU.
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import { chromiumBrowser, sharedConfig } from '../../vitest.shared.ts';

// Dawn finds SwiftShader's Vulkan driver through these; worker threads copy the
// environment, and turbo would strip them, so they are set here.
process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.XDG_RUNTIME_DIR ??= '/tmp';

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
            // WebGPU in headless Chromium without a GPU (TOOLCHAIN.md)
            browser: chromiumBrowser(playwright, ['--enable-unsafe-webgpu']),
          },
        },
      ],
    },
  }),
);
