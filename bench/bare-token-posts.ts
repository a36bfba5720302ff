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

/** POSTs once for every grant (refresh when it has a refresh token, else exchange), `concurrency` at a time. */
export async function bareTokenPosts(baseUrl: string, grants: BareGrant[], concurrency: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < grants.length) {
      const grant = grants[next];
      next += 1;
      if (grant !== undefined) await tokenPost(baseUrl, grant);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
