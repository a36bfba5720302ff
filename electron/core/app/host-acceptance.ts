import { hostKind } from '../../shared/account-input';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Which API hosts the app sends tokens to: the two Winbooks bases, a loopback sandbox, and any other host only
 * once the user turned on "other API addresses" (confirmed in main's dialog). The backup import applies it.
 * (The lifecycle applies the same rule on its side: electron/shared/host-policy.ts.)
 */
export function acceptsHost(host: string, allowOtherHosts: boolean): boolean {
  if (hostKind(host) !== 'custom' || allowOtherHosts) return true;
  try {
    return LOOPBACK.has(new URL(host).hostname);
  } catch {
    return false;
  }
}
