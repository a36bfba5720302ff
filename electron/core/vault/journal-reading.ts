import type { WrappedKey } from './key-protection';
import { wrappedKeySchema } from './key-protection';
import type { AccountSlot } from './account-slot';
import { TAMPERED_REASON, claimedFrom, tamperedRecord } from './account-slot';
import type { JournalEntry, LineParts } from './journal-lines';
import { JOURNAL_VERSION, TAG_CHARS, VAULT_FORMAT, entryOf, idNamedBy, lineMacMatches, sameTag, splitLine } from './journal-lines';
import { RunningMac } from './running-mac';
import type { VaultKeys } from './vault-keys';

/** A version-2 file as read, before the key is known: nothing in it is trusted yet. */
export interface JournalFile {
  bytes: Buffer;
  /** Every line that ends with a newline, the header first. */
  lines: string[];
  headerParts: LineParts;
  fileId: string;
  key: WrappedKey;
  /** Bytes up to the last newline; anything after it is a torn tail. */
  completeBytes: number;
}

export type JournalReading = { kind: 'journal'; file: JournalFile } | { kind: 'not-journal' } | { kind: 'unreadable'; reason: string };

const JOURNAL_PREFIX = Buffer.from(`{"s":0,"format":"${VAULT_FORMAT}"`);

export function readJournal(bytes: Buffer): JournalReading {
  if (bytes.length < JOURNAL_PREFIX.length || !bytes.subarray(0, JOURNAL_PREFIX.length).equals(JOURNAL_PREFIX)) return { kind: 'not-journal' };
  const damagedHeader: JournalReading = { kind: 'unreadable', reason: 'The vault file is damaged: its header is incomplete or malformed.' };
  const lastNewline = bytes.lastIndexOf(0x0a);
  if (lastNewline < 0) return damagedHeader;
  const text = bytes.toString('utf8', 0, lastNewline);
  const lines = text.split('\n');
  const headerParts = splitLine(lines[0] ?? '');
  if (headerParts === null) return damagedHeader;
  let header: unknown;
  try {
    header = JSON.parse(headerParts.body);
  } catch {
    return damagedHeader;
  }
  const fields = header as { version?: unknown; fileId?: unknown; key?: unknown };
  if (typeof fields.version === 'number' && fields.version > JOURNAL_VERSION) {
    return {
      kind: 'unreadable',
      reason: `The vault file was written by a newer version of Winbooks Token Manager (format ${fields.version}); this version reads format ${JOURNAL_VERSION}. Update the app to open it.`,
    };
  }
  const key = wrappedKeySchema.safeParse(fields.key);
  if (fields.version !== JOURNAL_VERSION || typeof fields.fileId !== 'string' || fields.fileId === '' || !key.success) return damagedHeader;
  return { kind: 'journal', file: { bytes, lines, headerParts, fileId: fields.fileId, key: key.data, completeBytes: lastNewline + 1 } };
}

/** The open vault's starting point, from a verified file. */
export interface JournalState {
  slots: Map<string, AccountSlot>;
  fileId: string;
  nextSeq: number;
  /** The chain over the file's first `validBytes` bytes; null when the file must be rewritten before any append. */
  chain: RunningMac | null;
  validBytes: number;
  /** Lines that failed authentication or could not be read (each pinned to its account when it names one). */
  rejectedLines: number;
}

export type JournalVerification = { kind: 'verified'; state: JournalState } | { kind: 'header-broken' };

/**
 * Authenticates the file with its key and replays it. Fast path: the last line's chain tag covers every byte
 * before it, so one hash verifies a file nobody touched. Otherwise each line is checked on its own: authentic
 * lines apply, a line that fails is pinned to the account it names (flagged tampered), and the state asks for a
 * rewrite, so no later line ever chains over bytes that were not authentic.
 */
export function verifyJournal(file: JournalFile, keys: VaultKeys): JournalVerification {
  if (!lineMacMatches(keys, file.fileId, file.headerParts)) return { kind: 'header-broken' };
  const chain = RunningMac.start(keys.chain);
  const tagStart = file.completeBytes - 1 - TAG_CHARS;
  chain.update(file.bytes.subarray(0, tagStart));
  const chainHolds = sameTag(chain.tag(), file.bytes.toString('latin1', tagStart, file.completeBytes - 1));
  chain.update(file.bytes.subarray(tagStart, file.completeBytes));
  const replay = new Replay();
  if (chainHolds) {
    for (let index = 1; index < file.lines.length; index += 1) {
      const line = file.lines[index] ?? '';
      const parts = splitLine(line);
      replay.apply(line, parts === null ? null : parseBody(parts.body));
    }
  } else {
    for (let index = 1; index < file.lines.length; index += 1) {
      const line = file.lines[index] ?? '';
      const parts = splitLine(line);
      const parsed = parts === null ? null : parseBody(parts.body);
      if (parts === null || !lineMacMatches(keys, file.fileId, parts)) replay.reject(line, parsed);
      else replay.apply(line, parsed);
    }
  }
  const clean = chainHolds && replay.rejected === 0;
  return {
    kind: 'verified',
    state: {
      slots: replay.slots,
      fileId: file.fileId,
      nextSeq: replay.lastSeq + 1,
      chain: clean ? chain : null,
      validBytes: file.completeBytes,
      rejectedLines: replay.rejected,
    },
  };
}

function parseBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** Applies authentic entries in file order; later entries win, and a rejected line taints the account it names. */
class Replay {
  readonly slots = new Map<string, AccountSlot>();
  lastSeq = 0;
  rejected = 0;

  apply(line: string, parsed: unknown): void {
    const entry = entryOf(parsed);
    if (entry === null || entry.seq <= this.lastSeq) {
      // Authentic but unknown or out of order (lines moved around): as untrustworthy as a failed one.
      this.reject(line, parsed);
      return;
    }
    this.lastSeq = entry.seq;
    this.#applyEntry(entry);
  }

  reject(line: string, parsed: unknown): void {
    this.rejected += 1;
    const id = idNamedBy(line, parsed);
    if (id === null) return;
    const claimed = claimedFrom(parsed, this.slots.get(id)?.record.label ?? id);
    this.slots.set(id, { kind: 'tampered', record: tamperedRecord(id, claimed), reason: TAMPERED_REASON });
  }

  #applyEntry(entry: JournalEntry): void {
    switch (entry.kind) {
      case 'removed':
        this.slots.delete(entry.id);
        return;
      case 'tampered':
        this.slots.set(entry.id, { kind: 'tampered', record: tamperedRecord(entry.id, entry.claimed), reason: entry.reason || TAMPERED_REASON });
        return;
      case 'account': {
        const previous = this.slots.get(entry.record.id);
        const base = previous?.kind === 'sealed' ? previous.sealed : null;
        const exchangeToken = entry.secrets.exchangeToken ?? base?.exchangeToken;
        const refreshToken = entry.secrets.refreshToken ?? base?.refreshToken;
        const accessToken = entry.secrets.accessToken ?? base?.accessToken;
        if (exchangeToken === undefined || refreshToken === undefined || accessToken === undefined) {
          // Secrets left unchanged by this entry are not held anywhere trustworthy (a tampered or missing earlier line).
          const claimed = { label: entry.record.label, email: entry.record.email, host: entry.record.host, createdAt: entry.record.createdAt };
          this.slots.set(entry.record.id, previous?.kind === 'tampered' ? { ...previous, record: tamperedRecord(entry.record.id, claimed) } : { kind: 'tampered', record: tamperedRecord(entry.record.id, claimed), reason: TAMPERED_REASON });
          return;
        }
        this.slots.set(entry.record.id, { kind: 'sealed', record: entry.record, sealed: { exchangeToken, refreshToken, accessToken } });
        return;
      }
    }
  }
}

