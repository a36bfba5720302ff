import { chmod, lstat, mkdir, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AuditEntry, CliCounters } from '../../shared/ipc-contract';
import { AppError } from '../common/app-error';
import type { TokenLifecycleApi } from '../tokens/lifecycle-api';
import { silentLogger, type Logger } from '../common/logger';
import { sessionFilePath } from './app-data-dir';
import { AuditLog, DEFAULT_AUDIT_CAPACITY } from './audit-log';
import { ACCOUNT_NOT_ALLOWED, runCommand, type VaultStateName } from './command-handlers';
import { checkPrivateDirectory, checkPrivateSocket } from './file-safety';
import { LineTooLongError, parseJson, readOneLine } from './json-line';
import { commandNameSchema, MAX_REQUEST_BYTES, PROTOCOL_VERSION, requestSchema, unsupportedVersionMessage, type CliResponse, type ResponseError } from './protocol';
import { newSessionSecret, secretMatches } from './request-auth';
import { removeSessionFile, writeSessionFile } from './session-file';
import { isNamedPipe, newSocketAddress } from './socket-address';

export interface CliServerOptions {
  /** The running lifecycle, or null while the vault is not open (AppSession.lifecycle). */
  lifecycle: () => TokenLifecycleApi | null;
  /** The vault's lock state, e.g. () => vault.state().state. */
  vaultState: () => VaultStateName;
  /** Whether the command line may serve this account (Settings: its chosen accounts). */
  mayServe: (accountId: string) => boolean;
  appVersion: string;
  /** The local API gateway's URL for an account (see CommandContext.gatewayUrl). */
  gatewayUrl?: (accountId: string) => string;
  /** The app's data directory (see app-data-dir.ts): the session file and the Unix socket go here. */
  dataDirectory: string;
  logger?: Logger;
  now?: () => number;
  platform?: NodeJS.Platform;
  auditCapacity?: number;
  /** A connection that has not sent its request line within this time is dropped. */
  requestTimeoutMs?: number;
  maxConnections?: number;
}

interface Session {
  server: Server;
  address: string;
  secret: string;
}

/**
 * Serves the winbooks-token command line on a socket only the current user can reach, over the token
 * lifecycle. One JSON request line per connection, one JSON answer line back. Every request is audited.
 */
export class CliServer {
  readonly audit: AuditLog;
  /**
   * Requests that are only counted, never entered in the audit list: a flood of them (any local process can
   * connect) must not push the real entries out.
   */
  private readonly tally: CliCounters = { unauthenticated: 0, refused: 0 };
  private session: Session | null = null;
  private readonly connections = new Set<Socket>();
  /** start() and stop() run one after the other, however fast the setting is toggled. */
  private transition: Promise<void> = Promise.resolve();
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly options: CliServerOptions) {
    this.audit = new AuditLog(options.auditCapacity ?? DEFAULT_AUDIT_CAPACITY);
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? Date.now;
    this.platform = options.platform ?? process.platform;
  }

  isRunning(): boolean {
    return this.session !== null;
  }

  /** The socket path or pipe name while running. */
  address(): string | null {
    return this.session?.address ?? null;
  }

  sessionFilePath(): string {
    return sessionFilePath(this.options.dataDirectory);
  }

  entries(): AuditEntry[] {
    return this.audit.entries();
  }

  counters(): CliCounters {
    return { ...this.tally };
  }

  onAuditChange(listener: (entry: AuditEntry) => void): () => void {
    return this.audit.onChange(listener);
  }

  start(): Promise<void> {
    return this.serialise(async () => {
      if (this.session) return;
      this.session = await this.open();
      this.logger.info('cli.started', { address: this.session.address });
    });
  }

  /** Stops listening, drops open connections and removes the socket and the session file. */
  stop(): Promise<void> {
    return this.serialise(async () => {
      const session = this.session;
      if (!session) return;
      this.session = null;
      await removeSessionFile(this.sessionFilePath(), session.secret);
      const closed = new Promise<void>((resolve) => session.server.close(() => resolve()));
      for (const socket of this.connections) socket.destroy();
      await closed;
      if (!isNamedPipe(session.address)) await rm(session.address, { force: true });
      this.logger.info('cli.stopped', {});
    });
  }

  private serialise(step: () => Promise<void>): Promise<void> {
    const run = this.transition.then(step);
    this.transition = run.catch(() => undefined);
    return run;
  }

  private async open(): Promise<Session> {
    const { dataDirectory } = this.options;
    await this.ensurePrivateDirectory(dataDirectory);
    const address = newSocketAddress(dataDirectory, this.platform);
    const secret = newSessionSecret();
    if (!isNamedPipe(address)) await clearStaleSocket(address);
    const server = createServer((socket) => this.accept(socket, secret));
    server.maxConnections = this.options.maxConnections ?? 64;
    try {
      await listenPrivately(server, address);
      if (!isNamedPipe(address)) await verifySocket(address);
      await writeSessionFile(this.sessionFilePath(), { v: PROTOCOL_VERSION, socket: address, secret, pid: process.pid });
    } catch (error) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error instanceof AppError ? error : new AppError('internal', `The command line could not start (${describe(error)}). Turn it off and on again in Settings.`);
    }
    return { server, address, secret };
  }

  private async ensurePrivateDirectory(directory: string): Promise<void> {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    if (this.platform === 'win32') return;
    const check = checkPrivateDirectory(await lstat(directory), directory);
    if (!check.ok) throw new AppError('internal', `The command line was not started: ${check.reason}`);
  }

  private accept(socket: Socket, secret: string): void {
    this.connections.add(socket);
    socket.on('close', () => this.connections.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(this.options.requestTimeoutMs ?? 10_000, () => socket.destroy());
    this.answer(socket, secret).catch((error: unknown) => {
      this.logger.error('cli.answer-failed', { reason: describe(error) });
      socket.destroy();
    });
  }

  private async answer(socket: Socket, secret: string): Promise<void> {
    let line: string;
    try {
      line = await readOneLine(socket, MAX_REQUEST_BYTES);
    } catch (error) {
      if (error instanceof LineTooLongError) {
        this.count('unauthenticated', 'unknown', 'request-too-large');
        reply(socket, { v: PROTOCOL_VERSION, id: '', ok: false, error: { code: 'request-too-large', message: error.message } });
      } else {
        socket.destroy();
      }
      return;
    }
    socket.setTimeout(0);
    reply(socket, await this.respond(line, secret));
  }

  private async respond(line: string, secret: string): Promise<CliResponse> {
    const json = parseJson(line);
    const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    const id = typeof fields.id === 'string' && fields.id.length <= 64 ? fields.id : '';
    const named = commandNameSchema.safeParse(fields.command);
    const command = named.success ? named.data : 'unknown';
    // Before the secret is checked, nothing is known about the sender: counted, not audited.
    const refuse = (error: ResponseError): CliResponse => {
      this.count('unauthenticated', command, error.code);
      return { v: PROTOCOL_VERSION, id, ok: false, error };
    };
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return refuse({ code: 'bad-request', message: 'The request is not a JSON object on one line.' });
    }
    if (fields.v !== PROTOCOL_VERSION) {
      return refuse({
        code: 'unsupported-version',
        message: unsupportedVersionMessage(fields.v),
      });
    }
    if (!secretMatches(fields.secret, secret)) {
      return refuse({ code: 'unauthorized', message: 'The session secret is missing or wrong: the request was refused.' });
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
      const error: ResponseError = { code: 'bad-request', message: `The request is not valid (${detail}).` };
      this.record(null, command, error.code);
      return { v: PROTOCOL_VERSION, id, ok: false, error };
    }
    const { lifecycle, vaultState, appVersion, mayServe, gatewayUrl } = this.options;
    const outcome = await runCommand(parsed.data, { lifecycle, vaultState, appVersion, mayServe, ...(gatewayUrl ? { gatewayUrl } : {}) });
    if (!outcome.ok && outcome.error.code === ACCOUNT_NOT_ALLOWED) this.count('refused', parsed.data.command, outcome.error.code);
    else this.record(outcome.account, parsed.data.command, outcome.ok ? 'ok' : outcome.error.code);
    return outcome.ok ? { v: PROTOCOL_VERSION, id, ok: true, result: outcome.result } : { v: PROTOCOL_VERSION, id, ok: false, error: outcome.error };
  }

  private count(kind: keyof CliCounters, command: string, outcome: string): void {
    this.tally[kind] += 1;
    this.logger.info('cli.request-counted', { kind, command, outcome });
  }

  private record(account: string | null, command: string, outcome: string): void {
    this.audit.record({ at: this.now(), account, command, outcome });
    this.logger.info('cli.request', { command, account, outcome });
  }
}

function reply(socket: Socket, response: CliResponse): void {
  if (!socket.destroyed) socket.end(`${JSON.stringify(response)}\n`);
}

/**
 * Binds with a umask that leaves only the owner's bits, so the socket is never reachable by others, then makes
 * sure with chmod. A pipe path binds synchronously inside listen(), so the process-wide umask is restored at once.
 */
async function listenPrivately(server: Server, address: string): Promise<void> {
  const unixSocket = !isNamedPipe(address);
  const listening = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      // Later errors (an accept failing, say) must not become an uncaught exception in main.
      server.on('error', () => undefined);
      resolve();
    });
  });
  const previousUmask = unixSocket ? process.umask(0o177) : null;
  try {
    server.listen(address);
  } finally {
    if (previousUmask !== null) process.umask(previousUmask);
  }
  await listening;
  if (unixSocket) await chmod(address, 0o600);
}

async function verifySocket(address: string): Promise<void> {
  const check = checkPrivateSocket(await lstat(address), address);
  if (!check.ok) throw new AppError('internal', `The command line was not started: ${check.reason}`);
}

/** A socket file left by a crashed run is removed; a live one (another copy of the app) or a non-socket is not. */
async function clearStaleSocket(path: string): Promise<void> {
  let stats;
  try {
    stats = await lstat(path);
  } catch {
    return;
  }
  if (!stats.isSocket()) {
    throw new AppError('internal', `The command line was not started: ${path} exists and is not a socket. Remove it, then turn the command line on again.`);
  }
  if (await answersConnections(path)) {
    throw new AppError('internal', `The command line was not started: another copy of the app already listens on ${path}.`);
  }
  await rm(path, { force: true });
}

function answersConnections(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
