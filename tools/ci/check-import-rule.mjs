// Checks that eslint.config.js really enforces DESIGN.md's direction of imports:
// for every pair of workspace packages, an import the design forbids must be
// reported and one it allows must not. The table below is written from
// DESIGN.md on its own, not read from the ESLint config, so that a mistake in
// either one shows up. Exits 1 on any mismatch.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// DESIGN.md, "Packages and the direction of imports" (non-test source files).
const design = {
  tensor: [],
  'cpu-backend': ['@torchlet/tensor/backend'],
  'webgpu-backend': ['@torchlet/tensor/backend'],
  autograd: ['@torchlet/tensor'],
  'nn-module': ['@torchlet/tensor', '@torchlet/autograd'],
  losses: ['@torchlet/tensor', '@torchlet/autograd', '@torchlet/nn-module'],
  optim: ['@torchlet/tensor', '@torchlet/autograd'],
  data: ['@torchlet/tensor'],
  checkpoint: ['@torchlet/tensor'],
  'backend-conformance': ['@torchlet/tensor/backend'],
  torchlet: '*',
};

// Test files may also reach the conformance suite (backends) or the CPU backend.
const testCases = [
  ['cpu-backend', 'backend-conformance', true],
  ['webgpu-backend', 'backend-conformance', true],
  ['cpu-backend', '@torchlet/tensor', false],
  ['webgpu-backend', '@torchlet/cpu-backend', false],
  ['autograd', '@torchlet/cpu-backend', true],
  ['optim', '@torchlet/nn-module', false],
  ['tensor', '@torchlet/cpu-backend', false],
];

const packages = new Map();
for (const dir of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  const manifest = JSON.parse(readFileSync(join(root, 'packages', dir.name, 'package.json'), 'utf8'));
  const specifiers = Object.keys(manifest.exports ?? { '.': null })
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
  packages.set(dir.name, { name: manifest.name, private: manifest.private === true, specifiers });
}

const missing = Object.keys(design).filter((folder) => !packages.has(folder));
const unknown = [...packages.keys()].filter((folder) => !(folder in design));
if (missing.length > 0 || unknown.length > 0) {
  console.error(`check-import-rule: table out of date (missing folders: ${missing}; not in table: ${unknown})`);
  process.exit(1);
}

function allowedSpecifiers(allow) {
  return new Set(allow.flatMap((spec) => [...packages.values()].find((p) => p.name === spec)?.specifiers ?? [spec]));
}

const eslint = new ESLint({ cwd: root });
const restrictionRules = new Set(['no-restricted-imports', 'torchlet/no-restricted-dynamic-imports']);

async function reported(folder, code, file) {
  const [result] = await eslint.lintText(code, { filePath: join(root, 'packages', folder, 'src', file) });
  if (!result) throw new Error(`no lint result for ${folder}/${file}`);
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${folder}/${file}: ${fatal.message}`);
  return result.messages.some((m) => restrictionRules.has(m.ruleId));
}

const failures = [];
let checks = 0;
async function expect(folder, file, code, forbidden) {
  checks += 1;
  if ((await reported(folder, code, file)) !== forbidden) {
    failures.push(`${forbidden ? 'NOT reported' : 'wrongly reported'}: packages/${folder}/src/${file}: ${JSON.stringify(code.trim())}`);
  }
}

for (const [folder, allow] of Object.entries(design)) {
  const allowed = allow === '*' ? null : allowedSpecifiers(allow);
  for (const [other, pkg] of packages) {
    if (other === folder) continue;
    // The umbrella may import every public package; a private one is never a dependency.
    if (allowed === null && pkg.private) continue;
    for (const spec of pkg.specifiers) {
      const forbidden = allowed !== null && !allowed.has(spec);
      await expect(folder, 'importCheck.ts', `import { x } from '${spec}';\nexport { x };\n`, forbidden);
      if (forbidden) {
        await expect(folder, 'importCheck.ts', `export * from '${spec}';\n`, true);
        await expect(folder, 'importCheck.ts', `export const m = await import('${spec}');\n`, true);
        await expect(folder, 'importCheck.ts', `export type T = typeof import('${spec}');\n`, true);
      }
    }
    if (allowed !== null) {
      // Deep imports into another package's build output or sources.
      await expect(folder, 'importCheck.ts', `import '${pkg.name}/dist/index.js';\n`, true);
      await expect(folder, 'importCheck.ts', `import '../../${other}/src/index.js';\n`, true);
    }
  }
}

for (const [folder, spec, allowed] of testCases) {
  await expect(folder, 'importCheck.test.ts', `import { x } from '${spec}';\nexport { x };\n`, !allowed);
}

if (failures.length > 0) {
  console.error(failures.join('\n'));
  console.error(`check-import-rule: ${failures.length} of ${checks} checks failed`);
  process.exit(1);
}
console.log(`check-import-rule: ${checks} checks passed (eslint.config.js enforces DESIGN.md's import direction)`);
