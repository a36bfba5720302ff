import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { field, postToken } from './raw-token-request';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
/** `--import tsx` resolves from the working directory: run from the repository root. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('npm run sandbox: starts with the given grants, prints both bases, answers, and stops on Ctrl-C', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--lifetime', '120', '--grant', 'cli.demo@example.be=cli-demo-token'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const lines: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      lines.push(line);
      if (line.startsWith('Press Ctrl-C')) break;
    }
    const output = lines.join('\n');
    const v2Base = /\(v2 style\):\s+(http:\/\/127\.0\.0\.1:\d+\/wow\/v2)/u.exec(output)?.[1];
    assert.ok(v2Base !== undefined, `no v2 base in:\n${output}`);
    assert.match(output, /cli\.demo@example\.be/u);
    assert.match(output, /fake sandbox tokens/u);

    const answer = await postToken(v2Base, { email: 'cli.demo@example.be', grantType: 'exchange_token', code: 'cli-demo-token' });
    assert.equal(answer.status, 200, answer.text);
    assert.equal(field(answer, 'expires_in'), '120');

    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

test('npm run sandbox: a malformed --grant is refused with the usage', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--grant', 'no-equals-sign'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 2);
    assert.match(stderr, /--grant: expected email=exchangeToken/u);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
