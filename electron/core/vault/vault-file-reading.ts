import type { JournalFile } from './journal-reading';
import { readJournal } from './journal-reading';
import { JOURNAL_VERSION, VAULT_FORMAT } from './journal-lines';
import type { V0Document } from './migrations';
import { v0DocumentSchema } from './migrations';
import type { V1Document } from './vault-document';
import { v1DocumentSchema } from './vault-document';

/** What the vault file turned out to be. `unreadable.reason` is a plain sentence for the user. */
export type VaultFileContent =
  | { kind: 'missing' }
  | { kind: 'journal'; file: JournalFile }
  | { kind: 'version-1'; document: V1Document }
  | { kind: 'version-0'; document: V0Document }
  | { kind: 'unreadable'; reason: string };

export function classifyVaultFile(bytes: Buffer | null): VaultFileContent {
  if (bytes === null) return { kind: 'missing' };
  const journal = readJournal(bytes);
  if (journal.kind !== 'not-journal') return journal;
  return classifyDocument(bytes.toString('utf8'));
}

/** Versions 0 and 1: one JSON document. */
function classifyDocument(text: string): VaultFileContent {
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
  if ('version' in parsed && typeof parsed.version === 'number' && parsed.version > JOURNAL_VERSION) {
    return {
      kind: 'unreadable',
      reason: `The vault file was written by a newer version of Winbooks Token Manager (format ${parsed.version}); this version reads format ${JOURNAL_VERSION}. Update the app to open it.`,
    };
  }
  const v1 = v1DocumentSchema.safeParse(parsed);
  if (!v1.success) {
    return { kind: 'unreadable', reason: 'The vault file is damaged: some of its entries are missing or malformed.' };
  }
  const ids = new Set(v1.data.accounts.map((account) => account.id));
  if (ids.size !== v1.data.accounts.length) {
    return { kind: 'unreadable', reason: 'The vault file is damaged: an account appears twice.' };
  }
  return { kind: 'version-1', document: v1.data };
}
