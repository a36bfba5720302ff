import { AppError } from '../common/app-error';
import type { WrappedKey } from './key-protection';
import { VaultContents } from './vault-contents';
import type { VaultDocument } from './vault-document';
import { recordOf } from './vault-document';
import { classifyVaultText } from './vault-file-reading';

/**
 * The seam between key management (lock, re-key) and the vault's storage format. Both need only two things
 * from the format: the sealed state without the key, and "reseal everything under a new key". Today both go
 * through the version-1 document; when the journal format lands, its own rewrite replaces these bodies and
 * vault.ts does not change.
 */

/** The sealed state of open contents, as the document the file holds: no key needed to keep it or write it. */
export function sealedDocumentOf(contents: VaultContents): { document: VaultDocument; text: string } {
  const text = contents.serialise();
  const read = classifyVaultText(text);
  if (read.kind !== 'current') throw new AppError('internal', 'The vault could not copy its own sealed state. This is a bug; please report it.');
  return { document: read.document, text };
}

/**
 * New contents holding every account of `current`, each secret decrypted with the old key and sealed again
 * (fresh nonce) under `newKey`. An account whose secrets no longer decrypt keeps its ciphertext as it is: it was
 * unreadable and stays so until its exchange token is replaced. Synchronous, so no save can slip in between.
 */
export function resealUnderNewKey(current: VaultContents, newKey: Buffer, wrapped: WrappedKey): VaultContents {
  const { document } = sealedDocumentOf(current);
  const unreadable = document.accounts.filter((stored) => !current.secretsReadable(stored.id));
  const next = new VaultContents(newKey, wrapped, unreadable);
  for (const stored of document.accounts) {
    if (next.has(stored.id)) continue;
    next.put(recordOf(stored), current.readSecrets(stored.id));
  }
  return next;
}
