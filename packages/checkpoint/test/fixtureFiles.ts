// The committed fixtures of tools/fixtures/checkpoint.py, read from disk (Node tests).
import { readFileSync } from 'node:fs';
import type { ManifestFile } from './manifest.js';

/** The path of a fixture file. */
export function fixturePath(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

/** A fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name)));
}

/** manifest.json: what PyTorch sees in each fixture. */
export const manifest = JSON.parse(readFileSync(fixturePath('manifest.json'), 'utf8')) as ManifestFile;
