import { AppError } from '../../electron/core/common/app-error';
import type { SessionVault } from '../../electron/core/app/app-session';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import type { VaultState } from '../../electron/shared/ipc-contract';

const OPEN: VaultState = { state: 'open', protection: 'os-keychain', reason: null, keptAsidePath: null };

function notInMemoryMode(): AppError {
  return new AppError('storage-failed', 'The harness runs with in-memory storage: start it with the vault to use backups and passphrases.');
}

/** An always-open "vault" over in-memory storage: the fastest harness mode, for tests that do not need the file. */
export function createMemoryVault(): SessionVault {
  const storage = new InMemoryAccountStorage();
  return {
    state: () => OPEN,
    onStateChange: () => () => undefined,
    unlock: () => Promise.resolve(OPEN),
    createWithPassphrase: () => Promise.reject(notInMemoryMode()),
    changePassphrase: () => Promise.reject(notInMemoryMode()),
    startOver: () => Promise.reject(notInMemoryMode()),
    storage,
    verifyPassphrase: () => Promise.reject(notInMemoryMode()),
    flush: () => Promise.resolve(),
  };
}
