import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// The WebGPU tests run Dawn on SwiftShader's Vulkan driver; worker threads copy
// the environment, and turbo would strip these, so they are set here.
process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.XDG_RUNTIME_DIR ??= '/tmp';

// --expose-gc lets the finalizer test collect garbage on purpose.
export default mergeConfig(sharedConfig, defineConfig({ test: { execArgv: ['--expose-gc'] } }));
