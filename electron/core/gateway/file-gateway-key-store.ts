import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../common/app-error';
import type { Authenticator, AuthenticatorSource } from '../common/authenticator';
import { checkPrivateFile } from '../command-line/file-safety';
import type { GatewayKeyStore, StoredGatewayKey } from './gateway-key-store';

/**
 * gateway-keys.json in the app's data folder, mode 0600: account ids and SHA-256 digests of their gateway keys,
 * never a key. Written atomically (temporary file, fsync, rename); read without following a symbolic link and
 * refused when another user owns it or could read it.
 */

export const GATEWAY_KEYS_FILE_NAME = 'gateway-keys.json';
const FILE_VERSION = 1;
const MAX_FILE_BYTES = 1024 * 1024;

const fileSchema = z.object({
  v: z.literal(FILE_VERSION),
  keys: z.array(
    z.object({
      accountId: z.string().min(1).max(200),
      digest: z.string().regex(/^[A-Za-z0-9_-]{43}$/u),
      createdAt: z.number().int().nonnegative(),
    }),
  ),
  /** HMAC over the keys (authenticatedBytes) with a key from the open vault; absent in files written before it. */
  tag: z.string().max(100).optional(),
});

export const GATEWAY_KEYS_AUTHENTICATION_PURPOSE = 'gateway keys';

function authenticatedBytes(keys: readonly StoredGatewayKey[]): Buffer {
  return Buffer.from(JSON.stringify(keys.map((key) => [key.accountId, key.digest, key.createdAt])), 'utf8');
}

export function gatewayKeysFilePath(dataDirectory: string): string {
  return join(dataDirectory, GATEWAY_KEYS_FILE_NAME);
}

/**
 * With `authenticator` (the vault's, null while it is not open), the file carries a tag over its keys: a file
 * whose tag is missing or wrong opens no key, and nothing is read or written while the vault is not open.
 */
export class FileGatewayKeyStore implements GatewayKeyStore {
  constructor(
    private readonly path: string,
    private readonly authenticator?: AuthenticatorSource,
  ) {}

  async load(): Promise<StoredGatewayKey[]> {
    const authenticator = this.currentAuthenticator();
    let handle;
    try {
      handle = await open(this.path, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [];
      throw unreadable(this.path, code === 'ELOOP' ? 'it is a symbolic link' : `it cannot be opened (${code ?? String(error)})`);
    }
    try {
      const safety = checkPrivateFile(await handle.stat(), this.path);
      if (!safety.ok) throw unreadable(this.path, safety.reason);
      const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_FILE_BYTES) throw unreadable(this.path, 'it is too large');
      let json: unknown;
      try {
        json = JSON.parse(buffer.subarray(0, bytesRead).toString('utf8'));
      } catch {
        throw unreadable(this.path, 'it is not JSON');
      }
      const parsed = fileSchema.safeParse(json);
      if (!parsed.success) throw unreadable(this.path, 'it is not a gateway key file this version understands');
      const { keys, tag } = parsed.data;
      if (authenticator !== null && (tag === undefined || !authenticator.verify(authenticatedBytes(keys), tag))) {
        throw unreadable(this.path, tag === undefined ? 'it is not signed by this vault' : 'its signature does not match (changed outside the app)');
      }
      return keys;
    } finally {
      await handle.close();
    }
  }

  async save(keys: readonly StoredGatewayKey[]): Promise<void> {
    const authenticator = this.currentAuthenticator();
    const tag = authenticator === null ? undefined : authenticator.sign(authenticatedBytes(keys));
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.chmod(0o600);
      await handle.writeFile(`${JSON.stringify({ v: FILE_VERSION, keys, tag })}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  /** Null when the file is not authenticated; rejects while the vault that authenticates it is not open. */
  private currentAuthenticator(): Authenticator | null {
    if (this.authenticator === undefined) return null;
    const authenticator = this.authenticator(GATEWAY_KEYS_AUTHENTICATION_PURPOSE);
    if (authenticator === null) throw new AppError('vault-locked', 'The vault is locked: gateway keys are read and written only while it is open.');
    return authenticator;
  }
}

function unreadable(path: string, reason: string): AppError {
  return new AppError('storage-failed', `The gateway keys in ${path} were not used: ${reason}. Issue new gateway keys for the accounts that need one.`);
}
