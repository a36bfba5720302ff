/**
 * Child-process entry: runs the Winbooks sandbox and answers the bench over IPC. Kept out of the bench's
 * process so that process.cpuUsage() there counts the client side only.
 */
import { WinbooksSandbox } from '../tests/sandbox/winbooks-sandbox';
import type { SandboxReply, SandboxRequest } from './sandbox-protocol';
import { benchGrant } from './sandbox-protocol';

function reply(message: SandboxReply): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  if (process.send === undefined) throw new Error('bench/sandbox-process.ts must be started by the bench (it talks over IPC).');
  const sandbox = await WinbooksSandbox.start();
  process.on('message', (message: SandboxRequest) => {
    try {
      switch (message.op) {
        case 'add-grants':
          for (let index = 0; index < message.count; index += 1) sandbox.addGrant(benchGrant(message.prefix, index));
          reply({ kind: 'result', id: message.id, value: message.count });
          return;
        case 'cpu-usage':
          reply({ kind: 'result', id: message.id, value: process.cpuUsage() });
          return;
        case 'request-count':
          reply({ kind: 'result', id: message.id, value: sandbox.tokenRequestCount() });
          return;
      }
    } catch (error) {
      reply({ kind: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  });
  // The bench closing the channel (or dying) ends the sandbox.
  process.on('disconnect', () => {
    void sandbox.stop().then(() => process.exit(0));
  });
  reply({ kind: 'ready', baseUrl: sandbox.baseUrl });
}

main().catch((error: unknown) => {
  console.error(`Bench sandbox failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
