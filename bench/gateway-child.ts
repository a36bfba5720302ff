import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bench's handle on the gateway running in its own process (see gateway-process.ts). */

export interface GatewayChildStart {
  sandboxBaseUrl: string;
  email: string;
  exchangeToken: string;
}

export type GatewayChildReply = { kind: 'ready'; port: number; key: string } | { kind: 'error'; message: string };

const START_TIMEOUT_MS = 60_000;

export class GatewayChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    /** The bench's own gateway key (sandbox data only). */
    readonly key: string,
  ) {}

  static start(request: GatewayChildStart): Promise<GatewayChild> {
    const entry = fileURLToPath(new URL('./gateway-process.ts', import.meta.url));
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`The bench gateway did not start within ${START_TIMEOUT_MS / 1000} s.`));
      }, START_TIMEOUT_MS);
      child.once('message', (message: GatewayChildReply) => {
        clearTimeout(timer);
        if (message.kind === 'ready') resolve(new GatewayChild(child, message.port, message.key));
        else reject(new Error(`Bench gateway: ${message.message}`));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The bench gateway exited before it was ready (exit code ${String(code)}).`));
      });
      child.send(request);
    });
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }
}
