/**
 * Child-process entry: the app's side of the gateway figures, a TokenLifecycle with one account on the bench
 * sandbox and the real GatewayServer in front of it. Apart from the bench (the client, like Excel) and the sandbox
 * (Winbooks), as on a real machine.
 */
import { AuditLog } from '../electron/core/command-line/audit-log';
import { GatewayKeys } from '../electron/core/gateway/gateway-keys';
import { InMemoryGatewayKeyStore } from '../electron/core/gateway/gateway-key-store';
import { GatewayServer } from '../electron/core/gateway/gateway-server';
import { InMemoryAccountStorage } from '../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import type { GatewayChildReply, GatewayChildStart } from './gateway-child';

function reply(message: GatewayChildReply): void {
  process.send?.(message);
}

async function start(request: GatewayChildStart): Promise<void> {
  const lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient(), storage: new InMemoryAccountStorage() });
  await lifecycle.start();
  const account = await lifecycle.add({ label: 'Bench gateway', email: request.email, host: request.sandboxBaseUrl, exchangeToken: request.exchangeToken });
  const keys = new GatewayKeys(new InMemoryGatewayKeyStore());
  const key = await keys.issue(account.id);
  // As in the app: every request goes to the audit list.
  const gateway = new GatewayServer({ port: 0, lifecycle: () => lifecycle, keys, audit: new AuditLog() });
  await gateway.start();
  process.on('disconnect', () => {
    lifecycle.stop();
    void gateway.stop().then(() => process.exit(0));
  });
  reply({ kind: 'ready', port: gateway.port() ?? 0, key });
}

if (process.send === undefined) throw new Error('bench/gateway-process.ts must be started by the bench (it talks over IPC).');
process.once('message', (message: GatewayChildStart) => {
  start(message).catch((error: unknown) => {
    reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
