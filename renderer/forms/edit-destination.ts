import { normaliseHost } from '../../electron/shared/account-input';

/**
 * Whether an edit moves the account to another grant destination (its e-mail or its API address). Such an edit
 * must carry the exchange token obtained for the new destination: the stored one is never sent there.
 * Compared as main will store them (trimmed e-mail, normalised host), so "https://host/" is not a change.
 */
export function destinationChanged(stored: { email: string; host: string }, edited: { email: string; host: string }): boolean {
  const host = normaliseHost(edited.host);
  return edited.email.trim() !== stored.email || (host.ok ? host.host : edited.host.trim()) !== stored.host;
}
