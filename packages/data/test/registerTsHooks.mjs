// `--import` this (vitest.config.ts passes it to the test processes, whose worker threads inherit it).
import { register } from 'node:module';

register('./tsHooks.mjs', import.meta.url);
