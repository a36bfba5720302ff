/** Messages between the bench and the sandbox it runs in a child process (so the sandbox's CPU is not the bench's). */
export type SandboxRequest =
  | { id: number; op: 'add-grants'; prefix: string; count: number }
  | { id: number; op: 'cpu-usage' }
  | { id: number; op: 'request-count' };

export type SandboxReply =
  | { kind: 'ready'; baseUrl: string }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string };

/** The exchange token the sandbox grants to the i-th bench e-mail with this prefix (fake, sandbox-only). */
export function benchGrant(prefix: string, index: number): { email: string; exchangeToken: string } {
  return { email: `${prefix}${index}@bench.example`, exchangeToken: `WbXbench-${prefix}-${index}-exchange-token` };
}
