import { CliFailure, ExitCode } from './exit-codes';

/** What shells answer when a command cannot be found or started. */
const COMMAND_NOT_FOUND = 127;
const COMMAND_NOT_RUNNABLE = 126;

/**
 * Runs the user's command with the token in its environment, stdio inherited, and gives back its exit code
 * (128 + signal number when a signal ended it, as shells do). No shell is involved: arguments pass as given.
 */
export async function runWithToken(commandLine: readonly string[], extraEnv: Record<string, string>): Promise<number> {
  const [file, ...args] = commandLine;
  if (file === undefined) throw new CliFailure(ExitCode.usage, 'exec: give the command to run after --.');
  // Loaded here, not at the top: every other command would pay for them at start-up.
  const [{ spawn }, { constants }] = await Promise.all([import('node:child_process'), import('node:os')]);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    const forward = (signal: NodeJS.Signals) => (): void => {
      child.kill(signal);
    };
    // Ctrl+C already reaches the child through the terminal's process group; the CLI just waits for it to end.
    const handlers: [NodeJS.Signals, () => void][] = [
      ['SIGINT', () => undefined],
      ['SIGTERM', forward('SIGTERM')],
      ['SIGHUP', forward('SIGHUP')],
    ];
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const cleanUp = (): void => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      cleanUp();
      const notFound = error.code === 'ENOENT';
      reject(new CliFailure(notFound ? COMMAND_NOT_FOUND : COMMAND_NOT_RUNNABLE, `exec: could not run "${file}" (${notFound ? 'command not found' : error.message}).`));
    });
    child.once('exit', (code, signal) => {
      cleanUp();
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}
