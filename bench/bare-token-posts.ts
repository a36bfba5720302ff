import { createNodeHttpPost } from '../electron/core/winbooks/http-post';
import type { HttpPost } from '../electron/core/winbooks/http-post';

/**
 * The baseline of figures 1 and 2: the bare minimum a script needs to keep N grants fresh, i.e. N token POSTs
 * with fetch at a fixed concurrency, each answer parsed and its rotated refresh token kept (in memory only).
 */
export interface BareGrant {
  email: string;
  exchangeToken: string;
  refreshToken: string | null;
}

async function tokenPost(baseUrl: string, grant: BareGrant): Promise<void> {
  const grantType = grant.refreshToken === null ? 'exchange_token' : 'refresh_token';
  const code = grant.refreshToken ?? grant.exchangeToken;
  const response = await fetch(`${baseUrl}/OAuth20/Token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(grant.email, 'utf8').toString('base64')}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: grantType, code }).toString(),
  });
  const body = (await response.json()) as { refresh_token?: unknown };
  if (response.status !== 200 || typeof body.refresh_token !== 'string') {
    throw new Error(`Bare token POST for ${grant.email} answered HTTP ${response.status}: the bench's grants are out of step with the sandbox.`);
  }
  grant.refreshToken = body.refresh_token;
}

/**
 * The same bare POST on node:http with keep-alive, the transport the app's client uses: the lifecycle's own
 * overhead shows against this one, while the baseline (fetch) shows what a script writer would get.
 */
async function nodeHttpTokenPost(post: HttpPost, baseUrl: string, grant: BareGrant): Promise<void> {
  const grantType = grant.refreshToken === null ? 'exchange_token' : 'refresh_token';
  const code = grant.refreshToken ?? grant.exchangeToken;
  const answer = await post(`${baseUrl}/OAuth20/Token`, {
    headers: {
      Authorization: `Basic ${Buffer.from(grant.email, 'utf8').toString('base64')}`,
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: grantType, code }).toString(),
    timeoutMs: 15_000,
  });
  const body = JSON.parse(answer.body) as { refresh_token?: unknown };
  if (answer.status !== 200 || typeof body.refresh_token !== 'string') {
    throw new Error(`Bare node:http token POST for ${grant.email} answered HTTP ${answer.status}: the bench's grants are out of step with the sandbox.`);
  }
  grant.refreshToken = body.refresh_token;
}

export type BareTransport = 'fetch' | 'node-http';

/** POSTs once for every grant (refresh when it has a refresh token, else exchange), `concurrency` at a time. */
export async function bareTokenPosts(baseUrl: string, grants: BareGrant[], concurrency: number, transport: BareTransport = 'fetch'): Promise<void> {
  const post = transport === 'node-http' ? createNodeHttpPost() : null;
  const postOne = (grant: BareGrant): Promise<void> => (post === null ? tokenPost(baseUrl, grant) : nodeHttpTokenPost(post, baseUrl, grant));
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
