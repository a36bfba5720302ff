/**
 * The operating system's secret protection, as the vault sees it. Main implements it with Electron
 * `safeStorage` (the async API where the installed Electron has it); core never imports Electron.
 */
export interface OsEncryption {
  isAvailable(): boolean;
  /** e.g. 'basic_text', 'gnome_libsecret', 'kwallet5', 'keychain', 'dpapi', 'unknown'. */
  backend(): string;
  encryptString(text: string): Promise<Uint8Array>;
  /** Rejects with an error whose `code` is KEYCHAIN_NOT_READY when the keychain cannot answer yet (e.g. a locked keyring). */
  decryptString(data: Uint8Array): Promise<string>;
}

/** The code of a decryption refused because the keychain is not ready yet: the vault stays locked, never 'damaged'. */
export const KEYCHAIN_NOT_READY = 'keychain-not-ready';

export type KeychainAssessment = { usable: true; backend: string } | { usable: false; backend: string | null; reason: string };

/**
 * Whether the OS keychain protects the vault key well enough to need no passphrase. On Linux without a
 * running keyring, Electron falls back to 'basic_text': a hard-coded key, i.e. no protection at all.
 */
export function assessKeychain(os: OsEncryption | undefined): KeychainAssessment {
  if (os === undefined) {
    return { usable: false, backend: null, reason: 'No system keychain is available to this app, so your tokens are protected by a passphrase you choose.' };
  }
  let available: boolean;
  let backend: string;
  try {
    available = os.isAvailable();
    backend = os.backend();
  } catch {
    return { usable: false, backend: null, reason: 'The system keychain could not be queried, so your tokens are protected by a passphrase you choose.' };
  }
  if (!available) {
    return { usable: false, backend, reason: 'The system keychain is not available on this computer, so your tokens are protected by a passphrase you choose.' };
  }
  if (backend === 'basic_text') {
    return {
      usable: false,
      backend,
      reason:
        'No keyring (such as GNOME Keyring or KWallet) is running on this Linux desktop: the system would keep the key in plain text, so your tokens are protected by a passphrase you choose.',
    };
  }
  return { usable: true, backend };
}
