// Run every package's tests from the root: `pnpm vitest run`.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { projects: ['packages/*'] } });
