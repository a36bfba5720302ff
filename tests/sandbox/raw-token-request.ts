/** Sends a token request by hand, so sandbox tests can send malformed ones the real client never would. */

export interface RawTokenRequest {
  /** Sent as Basic base64(email) unless `authorization` is given. */
  email?: string;
  authorization?: string | null;
  grantType: string;
  code: string;
  contentType?: string;
}

export interface RawAnswer {
  status: number;
  contentType: string | null;
  text: string;
  json: Record<string, unknown> | null;
}

async function toRawAnswer(response: Response): Promise<RawAnswer> {
  const text = await response.text();
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

export async function postToken(base: string, request: RawTokenRequest, signal?: AbortSignal): Promise<RawAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': request.contentType ?? 'application/x-www-form-urlencoded' };
  const authorization = request.authorization === undefined ? `Basic ${Buffer.from(request.email ?? '').toString('base64')}` : request.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  const response = await fetch(`${base}/OAuth20/Token`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ grant_type: request.grantType, code: request.code }).toString(),
    signal,
  });
  return toRawAnswer(response);
}

export async function getApp(base: string, path: string, accessToken: string | null): Promise<RawAnswer> {
  const response = await fetch(`${base}/app/${path}`, { headers: accessToken === null ? {} : { Authorization: `Bearer ${accessToken}` } });
  return toRawAnswer(response);
}

/** The string field of a JSON answer, failing loudly when it is not there. */
export function field(answer: RawAnswer, name: string): string {
  const value = answer.json?.[name];
  if (typeof value !== 'string') throw new Error(`Expected a string ${name} in ${answer.status} answer: ${answer.text}`);
  return value;
}
