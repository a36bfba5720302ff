// The pinned Node.js runtime (.node-version) as the npm registry serves it: node-<platform>-<arch> packages
// holding the official binary. Used by scripts/install-node.mjs (tests, bench, CI) and scripts/build-cli-binary.mjs
// (the standalone winbooks-token). Runs on any Node >= 20 so that CI can bootstrap from the machine's Node.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The one source of truth for the Node version: .node-version (also read by fnm, nodenv, volta and CI). */
export function pinnedNodeVersion() {
  const version = readFileSync(join(ROOT, '.node-version'), 'utf8').trim();
  if (!/^\d+\.\d+\.\d+$/u.test(version)) throw new Error(`.node-version must hold an exact version like 24.21.0 (got "${version}").`);
  return version;
}

/** Where fetched runtimes live (gitignored); WTM_NODE_CACHE moves it, e.g. to a CI cache. */
export function nodeCacheDirectory() {
  return process.env.WTM_NODE_CACHE ?? join(ROOT, '.cache', 'node');
}

/** The registry package for a target such as "linux-x64" or "win-x64". */
export function registryPackageOf(target) {
  return `node-${target}`;
}

export function hostTarget() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  if (os === undefined) throw new Error(`No Node package on the registry for ${process.platform}.`);
  return `${os}-${process.arch}`;
}

export function binaryPathIn(packageDirectory, target) {
  return join(packageDirectory, 'bin', target.startsWith('win-') ? 'node.exe' : 'node');
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * Fetches node-<target>@<version> from the registry once (npm pack checks its integrity) and unpacks it into the
 * cache; returns the path of its node binary. Later calls return the cached binary.
 */
export function ensureNodeBinary(target, version = pinnedNodeVersion(), log = (line) => console.error(line)) {
  const name = registryPackageOf(target);
  const directory = join(nodeCacheDirectory(), `${name}-${version}`);
  const binary = binaryPathIn(directory, target);
  if (existsSync(binary)) return binary;
  mkdirSync(nodeCacheDirectory(), { recursive: true });
  const staging = `${directory}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    log(`Fetching ${name}@${version} from the npm registry...`);
    const packed = JSON.parse(execFileSync(npm, ['pack', `${name}@${version}`, '--json', '--pack-destination', staging], { encoding: 'utf8', shell: process.platform === 'win32' }));
    const tarball = join(staging, packed[0].filename);
    execFileSync('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1', 'package/bin', 'package/package.json']);
    rmSync(tarball);
    if (!existsSync(binaryPathIn(staging, target))) throw new Error(`${name}@${version} holds no Node binary.`);
    rmSync(directory, { recursive: true, force: true });
    renameSync(staging, directory);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return binary;
}
