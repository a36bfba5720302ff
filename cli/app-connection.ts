import { lstatSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { appDataDirectory, sessionFilePath } from '../electron/core/command-line/app-data-dir';
import { checkPrivateDirectory, checkPrivateSocket } from '../electron/core/command-line/file-safety';
import { ClosedBeforeLineError, LineTooLongError, parseJson, readOneLine } from '../electron/core/command-line/json-line';
import type { CliRequest, CommandName, ResultOf } from '../electron/core/command-line/protocol';
import { MAX_RESPONSE_BYTES, PROTOCOL_VERSION } from '../electron/core/command-line/protocol-constants';
import type { SessionFile } from '../electron/core/command-line/session-file';
import { isNamedPipe } from '../electron/core/command-line/socket-address';
import { CliFailure, ExitCode, exitCodeForError } from './exit-codes';
import type { Reader } from './json-reader';
import { readResponse, readVersionRefusal, resultReaders } from './message-readers';
import { readSessionFileAt } from './session-file-read';

/** Talks to the running app: finds it through the session file, checks who owns what, sends one request. */

export type ArgsOf<C extends CommandName> = Extract<CliRequest, { command: C }>['args'];

export interface ConnectionOptions {
  dataDirectory?: string;
  /** How long to wait for the answer; a get may wait for a refresh at Winbooks. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 90_000;

function notRunning(sessionPath: string): CliFailure {
  return new CliFailure(
    ExitCode.appUnavailable,
    'Winbooks Token Manager is not running, or its command line is turned off. ' +
      `Start the app (and check that Settings > Command line is on), then try again. (No app answered through ${sessionPath}.)`,
  );
}

function refusedForSafety(reason: string): CliFailure {
  return new CliFailure(
    ExitCode.appUnavailable,
    `Refusing to talk to the app: ${reason} Something other than your own Winbooks Token Manager may be listening. ` +
      'Quit the app, remove the file if you did not create it this way, and start the app again.',
  );
}

export async function callApp<C extends CommandName>(command: C, args: ArgsOf<C>, options: ConnectionOptions = {}): Promise<ResultOf<C>> {
  const directory = options.dataDirectory ?? appDataDirectory();
  const session = openSession(directory);
  const socket = await connect(session.socket, sessionFilePath(directory));
  try {
    // Only pairs the answer with this request (the secret is what authenticates); no crypto module to load.
    const id = `${process.pid}-${Date.now().toString(36)}`;
    const request = { v: PROTOCOL_VERSION, secret: session.secret, id, command, args } as CliRequest;
    socket.write(`${JSON.stringify(request)}\n`);
    const line = await readAnswer(socket, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const answer = parseJson(line);
    const refusal = readVersionRefusal(answer);
    if (refusal !== undefined && refusal.id === id) throw new CliFailure(ExitCode.failure, refusal.error.message);
    const response = readResponse(answer);
    if (response === undefined || response.id !== id) {
      throw new CliFailure(ExitCode.failure, 'The app sent an answer this winbooks-token does not understand. Use the winbooks-token that comes with the app.');
    }
    if (!response.ok) {
      const { code, message, suggestions } = response.error;
      throw new CliFailure(exitCodeForError(code), message, suggestions ?? []);
    }
    const result = (resultReaders[command] as Reader<ResultOf<C>>)(response.result);
    if (result === undefined) {
      throw new CliFailure(ExitCode.failure, `The app's answer to "${command}" has an unexpected shape. Use the winbooks-token that comes with the app.`);
    }
    return result;
  } finally {
    socket.destroy();
  }
}

function openSession(directory: string): SessionFile {
  const sessionPath = sessionFilePath(directory);
  const read = readSessionFileAt(sessionPath);
  if (read.kind === 'missing') throw notRunning(sessionPath);
  if (read.kind === 'unsafe') throw refusedForSafety(read.reason);
  if (read.kind === 'invalid') {
    throw new CliFailure(ExitCode.appUnavailable, `${read.reason} Restart Winbooks Token Manager; if that does not help, use the winbooks-token that comes with it.`);
  }
  if (isNamedPipe(read.session.socket)) return read.session;
  try {
    const folder = checkPrivateDirectory(lstatSync(directory), directory);
    if (!folder.ok) throw refusedForSafety(folder.reason);
    const socket = checkPrivateSocket(lstatSync(read.session.socket), read.session.socket);
    if (!socket.ok) throw refusedForSafety(socket.reason);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notRunning(sessionPath);
    throw error;
  }
  return read.session;
}

function connect(address: string, sessionPath: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(address);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(socket);
    });
    const onError = (error: NodeJS.ErrnoException): void => {
      socket.destroy();
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') reject(notRunning(sessionPath));
      else if (error.code === 'EACCES' || error.code === 'EPERM') reject(refusedForSafety(`${address} cannot be opened (${error.code}).`));
      else reject(new CliFailure(ExitCode.appUnavailable, `Could not reach Winbooks Token Manager at ${address} (${error.message}). Restart the app and try again.`));
    };
    socket.once('error', onError);
  });
}

async function readAnswer(socket: Socket, timeoutMs: number): Promise<string> {
  socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
  try {
    return await readOneLine(socket, MAX_RESPONSE_BYTES);
  } catch (error) {
    if (error instanceof Error && error.message === 'timeout') {
      throw new CliFailure(
        ExitCode.winbooksUnreachable,
        `Winbooks Token Manager did not answer within ${Math.round(timeoutMs / 1000)} seconds; Winbooks may be slow or unreachable. Try again later.`,
      );
    }
    if (error instanceof LineTooLongError) throw new CliFailure(ExitCode.failure, 'The app sent an answer larger than winbooks-token accepts.');
    if (error instanceof ClosedBeforeLineError) {
      throw new CliFailure(ExitCode.appUnavailable, 'Winbooks Token Manager closed the connection before answering (it may be quitting, or its command line was turned off). Try again.');
    }
    throw new CliFailure(ExitCode.appUnavailable, `The connection to Winbooks Token Manager failed (${error instanceof Error ? error.message : String(error)}). Try again.`);
  } finally {
    socket.setTimeout(0);
  }
}
