import { createNodeHttpPost } from '../electron/core/winbooks/http-post';
import type { HttpPost } from '../electron/core/winbooks/http-post';

/**
 * The baselines of figures 1 and 2: the bare minimum a script needs to keep N grants fresh, i.e. N token POSTs at
 * a fixed concurrency, each answer parsed and its rotated refresh token kept (in memory only). The figures compare
 * against the same node:http transport the app's client uses (keep-alive agents made once, as the app does);
 * fetch is measured for context only (it costs several times node:http's CPU per POST).
 */
export interface BareGrant {
  email: string;
  exchangeToken: string;
  refreshToken: string | null;
}

export type BareTransport = { kind: 'fetch' } | { kind: 'node-http'; post: HttpPost };

export function bareTransport(kind: BareTransport['kind']): BareTransport {
  return kind === 'fetch' ? { kind } : { kind, post: createNodeHttpPost() };
}

const headersFor = (grant: BareGrant): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(grant.email, 'utf8').toString('base64')}`,
  Accept: 'application/json',
  'Content-Type': 'application/x-www-form-urlencoded',
});

const bodyFor = (grant: BareGrant): string =>
  new URLSearchParams({ grant_type: grant.refreshToken === null ? 'exchange_token' : 'refresh_token', code: grant.refreshToken ?? grant.exchangeToken }).toString();

function keep(grant: BareGrant, status: number, body: { refresh_token?: unknown }): void {
  if (status !== 200 || typeof body.refresh_token !== 'string') {
    throw new Error(`Bare token POST for ${grant.email} answered HTTP ${status}: the bench's grants are out of step with the sandbox.`);
  }
  grant.refreshToken = body.refresh_token;
}

async function fetchTokenPost(baseUrl: string, grant: BareGrant): Promise<void> {
  const response = await fetch(`${baseUrl}/OAuth20/Token`, { method: 'POST', headers: headersFor(grant), body: bodyFor(grant) });
  keep(grant, response.status, (await response.json()) as { refresh_token?: unknown });
}

async function nodeHttpTokenPost(post: HttpPost, baseUrl: string, grant: BareGrant): Promise<void> {
  const answer = await post(`${baseUrl}/OAuth20/Token`, { headers: headersFor(grant), body: bodyFor(grant), timeoutMs: 15_000 });
  keep(grant, answer.status, JSON.parse(answer.body) as { refresh_token?: unknown });
}

/** POSTs once for every grant (refresh when it has a refresh token, else exchange), `concurrency` at a time. */
export async function bareTokenPosts(baseUrl: string, grants: BareGrant[], concurrency: number, transport: BareTransport): Promise<void> {
  const postOne = (grant: BareGrant): Promise<void> =>
    transport.kind === 'fetch' ? fetchTokenPost(baseUrl, grant) : nodeHttpTokenPost(transport.post, baseUrl, grant);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < grants.length) {
      const grant = grants[next];
      next += 1;
      if (grant !== undefined) await postOne(grant);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
