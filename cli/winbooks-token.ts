import { config } from 'zod/mini';
import { runCli } from './commands';

/** Entry point of the winbooks-token command (bundled to dist-cli/winbooks-token.cjs by scripts/build-cli.mjs). */

// A one-shot process parses each schema once or a few times: compiling zod's fast paths (new Function) would cost more.
config({ jitless: true });

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdoutIsTerminal: process.stdout.isTTY === true,
  now: () => Date.now(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`winbooks-token: unexpected failure (${error instanceof Error ? error.message : String(error)}).\n`);
    process.exitCode = 1;
  },
);
