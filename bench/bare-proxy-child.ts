import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The bench's handle on the bare proxy (bare-proxy-process.ts), started like the gateway child. */
export class BareProxyChild {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(upstreamPort: number, accessToken: string): Promise<BareProxyChild> {
    const entry = fileURLToPath(new URL('./bare-proxy-process.ts', import.meta.url));
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(new BareProxyChild(child, message.port)));
      child.once('exit', (code) => reject(new Error(`The bench's bare proxy exited before it was ready (exit code ${String(code)}).`)));
      child.send({ upstreamPort, accessToken });
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
