import { readFile, writeFile } from 'node:fs/promises';

/**
 * Reading and editing a vault file (format 2: JSON lines, each `<body> <line mac> <chain tag>`) the way someone
 * with access to the file could: bodies are edited, the tags are left as they were.
 */

export type Body = Record<string, unknown>;

export interface VaultLine {
  body: Body;
  mac: string;
  chain: string;
}

const TAG = 43;

export async function readVaultLines(path: string): Promise<VaultLine[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => ({
      body: JSON.parse(line.slice(0, line.length - 2 * TAG - 2)) as Body,
      mac: line.slice(line.length - 2 * TAG - 1, line.length - TAG - 1),
      chain: line.slice(line.length - TAG),
    }));
}

export async function writeVaultLines(path: string, lines: readonly VaultLine[]): Promise<void> {
  await writeFile(path, lines.map((line) => `${JSON.stringify(line.body)} ${line.mac} ${line.chain}\n`).join(''));
}

/** Edits the body of the newest line of an account (the one that decides its state). */
export async function editNewestLineOf(path: string, id: string, edit: (body: Body) => void): Promise<void> {
  const lines = await readVaultLines(path);
  const newest = lines.findLast((line) => line.body.id === id);
  if (newest === undefined) throw new Error(`no line of account ${id} in the vault file`);
  edit(newest.body);
  await writeVaultLines(path, lines);
}

export interface AccountShape extends Body {
  id: string;
  secrets: Record<'exchangeToken' | 'refreshToken' | 'accessToken', string>;
}

/** The file as one document: the header's fields and each account's newest state (its secrets merged line by line). */
export async function vaultShape(path: string): Promise<{ format: string; version: number; key: Body & { kind: string }; accounts: AccountShape[] }> {
  const [header, ...entries] = await readVaultLines(path);
  if (header === undefined) throw new Error('empty vault file');
  const accounts = new Map<string, AccountShape>();
  for (const { body } of entries) {
    const id = body.id as string;
    if (body.removed === true) {
      accounts.delete(id);
      continue;
    }
    const previous = accounts.get(id);
    const { s: _sequence, ...fields } = body;
    accounts.set(id, { ...fields, id, secrets: { ...previous?.secrets, ...(body.secrets as AccountShape['secrets']) } });
  }
  return { format: header.body.format as string, version: header.body.version as number, key: header.body.key as Body & { kind: string }, accounts: [...accounts.values()] };
}
