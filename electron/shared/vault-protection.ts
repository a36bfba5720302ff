/** How the vault key may be protected (the values of VaultState['protection']); no zod, so the window can import it cheaply. */
export type VaultProtection = 'os-keychain' | 'passphrase' | 'os-keychain-and-passphrase' | 'none-yet';

/** Whether a passphrase protects the vault key (alone, or beside the OS keychain): then it can be locked and changed. */
export function hasPassphrase(protection: VaultProtection): boolean {
  return protection === 'passphrase' || protection === 'os-keychain-and-passphrase';
}
