import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

// --expose-gc lets the finalizer test collect garbage on purpose.
export default mergeConfig(sharedConfig, defineConfig({ test: { execArgv: ['--expose-gc'] } }));
