import type { IpcResult } from '../../electron/shared/ipc-contract';
import type { ErrorParams } from '../../electron/shared/account-summary';
import { unwrap } from './request';
import { winbooks } from './winbooks-bridge';

/** One account of an import report: its label, and for those not imported why (a code with params). */
export interface ImportedAccount {
  label: string;
  reason?: string;
  params?: ErrorParams;
}

export interface ImportReport {
  added: readonly (string | ImportedAccount)[];
  updated: readonly (string | ImportedAccount)[];
  skipped: readonly ImportedAccount[];
}

/**
 * Restores a backup: main asks for the file and its passphrase in its own dialogs (the renderer never sees the
 * backup), then returns what it imported. The app engineer's change makes importBackup take no request; until
 * that is merged the contract still wants the file's content, hence the one cast, isolated here.
 */
export async function restoreFromBackup(): Promise<ImportReport> {
  const importBackup = winbooks().importBackup as unknown as (request: undefined) => Promise<IpcResult<ImportReport>>;
  return unwrap(importBackup(undefined));
}
