#!/usr/bin/env node
// Finds test files under tests/<suite folders> and runs them with Node's test runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [node|browser|electron|all] [extra files...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = {
  node: ['tests/shared', 'tests/core', 'tests/sandbox', 'tests/vault', 'tests/main', 'tests/cli', 'tests/renderer', 'tests/bench', 'tests/gateway', 'tests/harness'],
  browser: ['tests/browser'],
  electron: ['tests/electron'],
};

function testFilesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFilesUnder(path);
    return /\.test\.tsx?$/u.test(name) ? [path] : [];
  });
}

const suite = process.argv[2] ?? 'all';
const dirs = suite === 'all' ? Object.values(SUITES).flat() : SUITES[suite];
if (!dirs) {
  console.error(`Unknown suite "${suite}": use node, browser, electron or all.`);
  process.exit(2);
}
const files = dirs.flatMap(testFilesUnder).sort();
if (files.length === 0) {
  console.error(`No test files found for suite "${suite}".`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${suite === 'node' ? 2 : 1}`, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
