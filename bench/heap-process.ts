/**
 * Child-process entry for figure 8 (started with --expose-gc): the heap the core needs to hold N accounts.
 * Baseline heap: every module loaded, fetch warmed, nothing open. Then: the vault opened, the lifecycle
 * started and every account refreshed (secrets decrypted and cached, as after the first refresh round).
 */
import { TokenLifecycle } from '../electron/core/tokens/token-lifecycle';
import { createWinbooksTokenClient } from '../electron/core/winbooks/winbooks-client';
import { createBenchVault, fillVault } from './vault-fixture';

export interface HeapReport {
  accounts: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  externalBeforeBytes: number;
  externalAfterBytes: number;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('bench/heap-process.ts needs --expose-gc.');
  gc();
  gc();
}

async function main(): Promise<void> {
  const [countText, baseUrl] = process.argv.slice(2);
  const count = Number(countText);
  if (!Number.isInteger(count) || count < 1 || baseUrl === undefined) throw new Error('Usage: heap-process.ts <accounts> <sandbox base URL>');
  const bench = await createBenchVault('heap');
  try {
    await fillVault(bench.vault, { prefix: 'heap', count, host: baseUrl, secrets: 'exchange-only' });
    await bench.vault.close();
    await (await fetch(`${baseUrl}/warm-up`)).text();
    collect();
    const before = process.memoryUsage();

    const vault = await bench.open();
    const lifecycle = new TokenLifecycle({ client: createWinbooksTokenClient(), storage: vault.storage });
    await lifecycle.start();
    const report = await lifecycle.refreshAll();
    if (report.refreshed !== count) throw new Error(`Heap run refreshed ${report.refreshed} of ${count} accounts.`);
    await vault.flush();
    collect();
    const after = process.memoryUsage();
    if (lifecycle.list().length !== count) throw new Error('The lifecycle lost accounts.');
    lifecycle.stop();
    await vault.close();
    const result: HeapReport = {
      accounts: count,
      heapBeforeBytes: before.heapUsed,
      heapAfterBytes: after.heapUsed,
      externalBeforeBytes: before.external + before.arrayBuffers,
      externalAfterBytes: after.external + after.arrayBuffers,
    };
    process.send?.(result);
  } finally {
    await bench.remove();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Heap bench failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
