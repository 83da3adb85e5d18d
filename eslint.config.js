// ESLint for packages/*/src (flat config, syntax-only: no type information, so
// it stays fast). Besides the recommended rules it enforces the direction of
// imports fixed in DESIGN.md ("Packages and the direction of imports").
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * What each package (by folder under packages/) may import from the workspace.
 * A package name means every entry point in its `exports`; `pkg/sub` means
 * that subpath only. Everything else from the workspace is forbidden.
 * `testOnly` widens the list for test files (*.test.ts, *.test-d.ts), which
 * are never published: backends run the conformance suite, and packages above
 * tensor register the CPU backend to have something to compute with.
 */
export const importDirection = {
  tensor: { allow: [] },
  'cpu-backend': { allow: ['@torchlet/tensor/backend'], testOnly: ['backend-conformance'] },
  'webgpu-backend': { allow: ['@torchlet/tensor/backend'], testOnly: ['backend-conformance'] },
  autograd: { allow: ['@torchlet/tensor'], testOnly: ['@torchlet/cpu-backend'] },
  'nn-module': { allow: ['@torchlet/tensor', '@torchlet/autograd'], testOnly: ['@torchlet/cpu-backend'] },
  losses: {
    allow: ['@torchlet/tensor', '@torchlet/autograd', '@torchlet/nn-module'],
    testOnly: ['@torchlet/cpu-backend'],
  },
  optim: { allow: ['@torchlet/tensor', '@torchlet/autograd'], testOnly: ['@torchlet/cpu-backend'] },
  data: { allow: ['@torchlet/tensor'], testOnly: ['@torchlet/cpu-backend'] },
  checkpoint: { allow: ['@torchlet/tensor'], testOnly: ['@torchlet/cpu-backend'] },
  'backend-conformance': { allow: ['@torchlet/tensor/backend'] },
  torchlet: { allow: '*' },
};

const testFiles = ['**/*.test.ts', '**/*.test-d.ts'];

/** Workspace packages: folder -> { name, specifiers (one per entry in exports) }. */
function workspacePackages() {
  const packages = new Map();
  for (const dir of readdirSync(join(root, 'packages'), { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(root, 'packages', dir.name, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const subpaths = Object.keys(manifest.exports ?? { '.': null }).filter((key) => key !== './package.json');
    const specifiers = subpaths.map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`));
    packages.set(dir.name, { name: manifest.name, specifiers });
  }
  return packages;
}

const packages = workspacePackages();

/** Expand 'pkg' to all its exported specifiers; 'pkg/sub' stays as is. */
function expand(allowed) {
  return allowed.flatMap((spec) => {
    for (const pkg of packages.values()) if (pkg.name === spec) return pkg.specifiers;
    return [spec];
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A regex matching every workspace import that is NOT in `allowed`: any
 * `@torchlet/...`, `torchlet[/...]`, `backend-conformance[/...]` (deep imports
 * into dist/ or src/ included), and relative paths that climb into another
 * package's folder.
 */
function forbiddenRegex(folder, allowed) {
  const exact = allowed.map((s) => `${escape(s)}$`).join('|');
  const names = [...packages.values()]
    .map((p) => p.name)
    .filter((n) => !n.startsWith('@torchlet/'))
    .map(escape);
  const others = [...packages.keys()].filter((d) => d !== folder).map(escape);
  const workspace = `@torchlet\\/.*|(?:${names.join('|')})(?:\\/.*)?`;
  const climbing = `(?:\\.\\.\\/)+(?:packages\\/)?(?:${others.join('|')})\\/(?:src|dist)(?:\\/.*)?`;
  return `^(?!(?:${exact || '(?!)'}))(?:${workspace}|${climbing})$`;
}

function describe(folder, allowed) {
  return allowed.length === 0
    ? `${folder} imports nothing from the workspace (DESIGN.md, "Packages and the direction of imports").`
    : `${folder} may import only ${allowed.join(', ')} from the workspace (DESIGN.md, "Packages and the direction of imports").`;
}

/**
 * no-restricted-imports sees import/export declarations; this local rule applies
 * the same pattern to what it does not see: import('x') and import('x') types.
 */
const noRestrictedDynamicImports = {
  meta: {
    type: 'problem',
    docs: { description: 'no-restricted-imports for import() expressions and import() types' },
    schema: [
      {
        type: 'object',
        properties: { regex: { type: 'string' }, message: { type: 'string' } },
        required: ['regex', 'message'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const [{ regex, message }] = context.options;
    const forbidden = new RegExp(regex, 'u');
    const check = (node) => {
      if (node && node.type === 'Literal' && typeof node.value === 'string' && forbidden.test(node.value)) {
        context.report({ node, message: `'${node.value}' import is restricted from being used by a pattern. ${message}` });
      }
    };
    return {
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

const localPlugin = { rules: { 'no-restricted-dynamic-imports': noRestrictedDynamicImports } };

function restrictionRules(folder, allowed) {
  const regex = forbiddenRegex(folder, expand(allowed));
  const message = describe(folder, allowed);
  return {
    'no-restricted-imports': ['error', { patterns: [{ regex, message }] }],
    'torchlet/no-restricted-dynamic-imports': ['error', { regex, message }],
  };
}

const importDirectionConfigs = Object.entries(importDirection).flatMap(([folder, { allow, testOnly = [] }]) => {
  if (allow === '*') return [];
  const configs = [
    {
      name: `torchlet/import-direction/${folder}`,
      files: [`packages/${folder}/src/**/*.ts`],
      rules: restrictionRules(folder, allow),
    },
  ];
  if (testOnly.length > 0) {
    configs.push({
      name: `torchlet/import-direction/${folder}/tests`,
      files: testFiles.map((glob) => `packages/${folder}/src/${glob}`),
      rules: restrictionRules(folder, [...allow, ...testOnly]),
    });
  }
  return configs;
});

export default tseslint.config(
  { name: 'torchlet/ignores', ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**'] },
  {
    name: 'torchlet/typescript',
    files: ['packages/*/src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { torchlet: localPlugin },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  ...importDirectionConfigs,
);
