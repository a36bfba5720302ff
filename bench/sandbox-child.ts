import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SandboxReply, SandboxRequest } from './sandbox-protocol';

type Pending = { resolve(value: unknown): void; reject(error: Error): void };
type RequestBody = SandboxRequest extends infer R ? (R extends SandboxRequest ? Omit<R, 'id'> : never) : never;

const START_TIMEOUT_MS = 60_000;

/** The bench's handle on the sandbox running in a child process. */
export class SandboxChild {
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    child.on('message', (message: SandboxReply) => {
      if (message.kind === 'ready') return;
      const pending = this.#pending.get(message.id);
      if (pending === undefined) return;
      this.#pending.delete(message.id);
      if (message.kind === 'result') pending.resolve(message.value);
      else pending.reject(new Error(`Bench sandbox: ${message.message}`));
    });
    child.on('exit', () => {
      for (const pending of this.#pending.values()) pending.reject(new Error('Bench sandbox exited.'));
      this.#pending.clear();
    });
  }

  static start(): Promise<SandboxChild> {
    const entry = fileURLToPath(new URL('./sandbox-process.ts', import.meta.url));
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`The bench sandbox did not start within ${START_TIMEOUT_MS / 1000} s.`));
      }, START_TIMEOUT_MS);
      const onMessage = (message: SandboxReply): void => {
        if (message.kind !== 'ready') return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(new SandboxChild(child, message.baseUrl));
      };
      child.on('message', onMessage);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The bench sandbox exited before it was ready (exit code ${String(code)}).`));
      });
    });
  }

  /** Grants `${prefix}${i}@bench.example` for i in [0, count) with the exchange token of benchGrant. */
  async addGrants(prefix: string, count: number): Promise<void> {
    await this.#request({ op: 'add-grants', prefix, count });
  }

  async cpuUsage(): Promise<NodeJS.CpuUsage> {
    return (await this.#request({ op: 'cpu-usage' })) as NodeJS.CpuUsage;
  }

  async requestCount(): Promise<number> {
    return (await this.#request({ op: 'request-count' })) as number;
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }

  #request(body: RequestBody): Promise<unknown> {
    const id = this.#nextId;
    this.#nextId += 1;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.child.send({ ...body, id });
    });
  }
}
