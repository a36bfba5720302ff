import type { ErrorCode } from '../../shared/account-summary';

/**
 * Why the gateway could not serve a request, as the HTTP answer a spreadsheet or Postman shows: a status a tool
 * can act on and one short plain-text line naming the account and what to do. Never a token.
 */

export interface GatewayFailure {
  status: number;
  text: string;
}

export function failureForAppError(code: ErrorCode, label: string): GatewayFailure {
  switch (code) {
    case 'vault-locked':
      return { status: 503, text: 'Winbooks Token Manager is locked: unlock it, then try again.' };
    case 'needs-exchange-token':
    case 'refresh-rejected':
    case 'grant-rejected':
      return {
        status: 502,
        text: `Winbooks refused the stored tokens of "${label}": ask the licence admin for a new exchange token, then use "Replace exchange token" on "${label}" in Winbooks Token Manager.`,
      };
    case 'secrets-unreadable':
      return { status: 502, text: `The stored tokens of "${label}" cannot be decrypted: use "Replace exchange token" on "${label}" in Winbooks Token Manager.` };
    case 'winbooks-unreachable':
      return { status: 504, text: `Winbooks could not be reached to renew the token of "${label}". Check the connection, then try again.` };
    case 'winbooks-bad-response':
      return { status: 502, text: `Winbooks gave an unusable answer while renewing the token of "${label}". Try again in a moment.` };
    case 'unknown-account':
      return NOT_FOUND;
    case 'storage-failed':
      return { status: 503, text: `The new token of "${label}" could not be saved. Check free disk space, then try again.` };
    case 'host-not-allowed':
      return { status: 502, text: `The API address of "${label}" is not one the app sends tokens to. Open Winbooks Token Manager to check the account.` };
    case 'auto-refresh-off':
    case 'gateway-unavailable':
    case 'duplicate-account':
    case 'invalid-input':
    case 'duplicate-label':
    case 'internal':
      return { status: 502, text: `Winbooks Token Manager could not get a token for "${label}". Open the app to see why.` };
  }
}

export const NOT_FOUND: GatewayFailure = { status: 404, text: 'Not found.' };
export const LOCKED: GatewayFailure = failureForAppError('vault-locked', '');

export function unreachable(origin: string, reason: string): GatewayFailure {
  return { status: 504, text: `Winbooks could not be reached at ${origin} (${reason}). Check the connection, then try again.` };
}
