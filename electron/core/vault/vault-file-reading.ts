import type { V0Document } from './migrations';
import { v0DocumentSchema } from './migrations';
import type { VaultDocument } from './vault-document';
import { CURRENT_VAULT_VERSION, VAULT_FORMAT, vaultDocumentSchema } from './vault-document';

/** What the vault file turned out to be. `unreadable.reason` is a plain sentence for the user. */
export type VaultFileContent =
  | { kind: 'missing' }
  | { kind: 'current'; document: VaultDocument }
  | { kind: 'version-0'; document: V0Document }
  | { kind: 'unreadable'; reason: string };

export function classifyVaultText(text: string | null): VaultFileContent {
  if (text === null) return { kind: 'missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'The vault file is damaged: it is not complete, readable data (it may have been cut off or changed by another program).' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { kind: 'unreadable', reason: 'The vault file is damaged: it does not contain vault data.' };
  }
  if (!('version' in parsed) && !('format' in parsed)) {
    const v0 = v0DocumentSchema.safeParse(parsed);
    if (v0.success) return { kind: 'version-0', document: v0.data };
    return { kind: 'unreadable', reason: 'The vault file is damaged: it is not in any format this app knows.' };
  }
  if ('format' in parsed && parsed.format !== VAULT_FORMAT) {
    return { kind: 'unreadable', reason: 'The vault file is not a Winbooks Token Manager vault.' };
  }
  if ('version' in parsed && typeof parsed.version === 'number' && parsed.version > CURRENT_VAULT_VERSION) {
    return {
      kind: 'unreadable',
      reason: `The vault file was written by a newer version of Winbooks Token Manager (format ${parsed.version}); this version reads format ${CURRENT_VAULT_VERSION}. Update the app to open it.`,
    };
  }
  const current = vaultDocumentSchema.safeParse(parsed);
  if (!current.success) {
    return { kind: 'unreadable', reason: 'The vault file is damaged: some of its entries are missing or malformed.' };
  }
  const ids = new Set(current.data.accounts.map((account) => account.id));
  if (ids.size !== current.data.accounts.length) {
    return { kind: 'unreadable', reason: 'The vault file is damaged: an account appears twice.' };
  }
  return { kind: 'current', document: current.data };
}
