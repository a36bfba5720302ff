import { runCli } from './commands';

/** Entry point of the winbooks-token command (bundled to dist-cli/winbooks-token.cjs by scripts/build-cli.mjs). */

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
