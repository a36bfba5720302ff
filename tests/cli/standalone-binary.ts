import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './cli-harness';

/**
 * The Linux standalone winbooks-token (scripts/build-cli-binary.mjs), built from today's sources and cached in
 * .cache/cli-binary/<hash of bundle + pinned Node>/: a build takes a minute or two, a cached one nothing.
 */

const CACHE = join(PROJECT_ROOT, '.cache', 'cli-binary');
export const STANDALONE_TARGET = 'linux-x64';

function run(args: readonly string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
}

export async function standaloneBinary(): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'wtm-cli-standalone-'));
  try {
    const bundle = join(work, 'winbooks-token.cjs');
    run([join(PROJECT_ROOT, 'scripts', 'build-cli.mjs'), '--outfile', bundle]);
    const hash = createHash('sha256')
      .update(await readFile(bundle))
      .update(await readFile(join(PROJECT_ROOT, '.node-version')))
      .digest('hex')
      .slice(0, 16);
    const binary = join(CACHE, hash, STANDALONE_TARGET, 'winbooks-token');
    if (existsSync(binary)) return binary;
    // Each binary is about 120 MiB: keep only the one for today's sources.
    for (const stale of await readdir(CACHE).catch(() => [])) await rm(join(CACHE, stale), { recursive: true, force: true });
    run([join(PROJECT_ROOT, 'scripts', 'build-cli-binary.mjs'), '--target', STANDALONE_TARGET, '--bundle', bundle, '--out', join(CACHE, hash)]);
    return binary;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
