// Tests run twice: in Node on Dawn (the `webgpu` package) and in headless
// Chromium (vitest browser mode, Debian's chromium); both use SwiftShader.
import { sharedConfig } from '../../vitest.shared.ts';

// Dawn finds SwiftShader's Vulkan driver through these; worker threads copy the
// environment, and turbo would strip them, so they are set here.
process.env.VK_ICD_FILENAMES ??= '/usr/lib/chromium/vk_swiftshader_icd.json';
process.env.XDG_RUNTIME_DIR ??= '/tmp';

export default sharedConfig;
