import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import type { LogFields, Logger } from '../../electron/core/common/logger';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import type { AccountsChange, AttentionEvent } from '../../electron/core/tokens/lifecycle-api';
import { ManualClock } from './manual-clock';
import { ScriptedClient } from './scripted-client';

export class CapturingLogger implements Logger {
  readonly lines: string[] = [];
  info(event: string, fields?: LogFields): void {
    this.lines.push(JSON.stringify({ level: 'info', event, ...fields }));
  }
  warn(event: string, fields?: LogFields): void {
    this.lines.push(JSON.stringify({ level: 'warn', event, ...fields }));
  }
  error(event: string, fields?: LogFields): void {
    this.lines.push(JSON.stringify({ level: 'error', event, ...fields }));
  }
  events(): string[] {
    return this.lines.map((line) => (JSON.parse(line) as { event: string }).event);
  }
}

/** A lifecycle on a manual clock, a scripted client and in-memory storage, recording everything it emits. */
export async function lifecycleFixture(options: { random?: () => number; maxConcurrentRequests?: number; storage?: InMemoryAccountStorage } = {}) {
  const clock = new ManualClock();
  const client = new ScriptedClient(clock);
  const storage = options.storage ?? new InMemoryAccountStorage();
  const logger = new CapturingLogger();
  const lifecycle = new TokenLifecycle({
    client,
    storage,
    clock,
    logger,
    random: options.random ?? (() => 0),
    ...(options.maxConcurrentRequests !== undefined ? { maxConcurrentRequests: options.maxConcurrentRequests } : {}),
  });
  const changes: AccountsChange[] = [];
  const attention: AttentionEvent[] = [];
  lifecycle.onChange((change) => changes.push(change));
  lifecycle.onAttention((event) => attention.push(event));
  await lifecycle.start();
  const addAccount = (label: string, email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.be`) =>
    lifecycle.add({ label, email, host: 'https://rapi.winbooksonweb.be', exchangeToken: `exchange-${label}` });
  return { clock, client, storage, logger, lifecycle, changes, attention, addAccount };
}
