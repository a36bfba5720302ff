import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { exitCodeForError } from '../../cli/exit-codes';
import type { AppSession } from '../../electron/core/app/app-session';
import type { SessionVault } from '../../electron/core/app/app-session';
import { AutoLock, IDLE_POLL_MS } from '../../electron/core/app/auto-lock';
import { invokeOperation } from '../../electron/core/app/invoke-operation';
import { AppError } from '../../electron/core/common/app-error';
import { runCommand } from '../../electron/core/command-line/command-handlers';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import type { AppApi, VaultState } from '../../electron/shared/ipc-contract';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings';
import type { ScriptedDialogs } from '../harness/scripted-dialogs';
import { WinbooksSandbox } from '../sandbox/winbooks-sandbox';
import { ManualClock } from '../support/manual-clock';
import { startAppThroughMain } from '../support/app-services-fixture';

/**
 * Issue 10 findings 2 (the setting side), 4 and 5 through the operation path ipcMain runs. The vault's own
 * lock() / canLock() come with the keys work: this stand-in follows the API agreed for it.
 */
class LockableVault implements SessionVault {
  readonly storage = new InMemoryAccountStorage();
  private current: VaultState = { state: 'open', protection: 'passphrase', reason: null, keptAsidePath: null };
  private readonly listeners = new Set<(state: VaultState) => void>();
  keyDropped = 0;

  constructor(private readonly passphrase: string) {}
  state = (): VaultState => ({ ...this.current });
  onStateChange(listener: (state: VaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  canLock = (): boolean => true;
  lock(): void {
    this.keyDropped += 1;
    this.enter('locked');
  }
  unlock(passphrase: string): Promise<VaultState> {
    if (passphrase !== this.passphrase) return Promise.reject(new AppError('invalid-input', 'Passphrase: wrong.', 'passphrase'));
    return Promise.resolve(this.enter('open'));
  }
  verifyPassphrase(passphrase: string): Promise<void> {
    return passphrase === this.passphrase ? Promise.resolve() : Promise.reject(new AppError('invalid-input', 'wrong', 'passphrase'));
  }
  createWithPassphrase = (): Promise<VaultState> => Promise.reject(new Error('not used'));
  changePassphrase = (): Promise<VaultState> => Promise.reject(new Error('not used'));
  startOver = (): Promise<VaultState> => Promise.reject(new Error('not used'));
  flush = (): Promise<void> => Promise.resolve();
  private enter(state: VaultState['state']): VaultState {
    this.current = { ...this.current, state };
    for (const listener of this.listeners) listener(this.state());
    return this.state();
  }
}

const PASSPHRASE = 'the vault passphrase here';
let sandbox: WinbooksSandbox;
let vault: LockableVault;
let session: AppSession;
let api: AppApi;
let dialogs: ScriptedDialogs;

before(async () => {
  sandbox = await WinbooksSandbox.start();
  vault = new LockableVault(PASSPHRASE);
  ({ session, api, dialogs } = await startAppThroughMain({ vault }));
  const grant = sandbox.addGrant({ email: 'acme@example.be' });
  await api.addAccount({ label: 'Acme', email: 'acme@example.be', host: sandbox.v2BaseUrl, exchangeToken: grant.exchangeToken });
});

after(async () => {
  await session.shutdown();
  await sandbox.stop();
});

beforeEach(() => dialogs.reset());

describe('lock', () => {
  test('lockVault drops the lifecycle and the key; the window and the CLI see "locked" (exit 5); unlock resumes', async () => {
    const locked = await invokeOperation(api, 'lockVault', undefined);
    assert.deepEqual(locked.ok && locked.value.state, 'locked');
    assert.equal(vault.keyDropped, 1);
    assert.equal(session.lifecycle(), null, 'no refresh runs while locked');
    assert.deepEqual(await api.listAccounts(undefined), { accounts: [] });
    const copy = await invokeOperation(api, 'copyToken', { id: 'acct_12345678', format: 'token' });
    assert.equal(copy.ok ? null : copy.error.code, 'vault-locked');

    const cli = await runCommand(
      { v: 1, secret: 's', id: 'x', command: 'get', args: { account: 'Acme', minValidSeconds: 60 } },
      { lifecycle: () => session.lifecycle(), vaultState: () => vault.state().state, appVersion: '1', mayServe: () => true },
    );
    assert.ok(!cli.ok);
    assert.equal(cli.error.code, 'vault-locked');
    assert.equal(exitCodeForError(cli.error.code), 5);

    const unlocked = await invokeOperation(api, 'unlockVault', { passphrase: PASSPHRASE });
    assert.deepEqual(unlocked.ok && unlocked.value.state, 'open');
    assert.deepEqual((await api.listAccounts(undefined)).accounts.map((account) => account.label), ['Acme']);
  });

  test('auto-lock: after the idle time chosen, and at once on screen lock or suspend', async () => {
    const clock = new ManualClock(0);
    let idle = 0;
    let locks = 0;
    const autoLock = new AutoLock({ clock, idleSeconds: () => idle, idleMinutes: () => 5, canLock: () => true, lock: () => Promise.resolve((locks += 1)) });
    autoLock.start();
    idle = 4 * 60;
    await clock.advance(IDLE_POLL_MS);
    assert.equal(locks, 0);
    idle = 5 * 60;
    await clock.advance(IDLE_POLL_MS);
    assert.equal(locks, 1);
    autoLock.onSystemLock('lock-screen');
    autoLock.onSystemLock('suspend');
    assert.equal(locks, 3);
    autoLock.stop();
  });
});

describe('settings that widen access are confirmed by main', () => {
  test('defaults: command line off with no account, other API addresses off', () => {
    assert.equal(DEFAULT_SETTINGS.cliEnabled, false);
    assert.deepEqual(DEFAULT_SETTINGS.cliAccounts, []);
    assert.equal(DEFAULT_SETTINGS.allowOtherHosts, false);
  });

  test('"other API addresses": declined in main stays off; accepted turns on; turning off needs no question', async () => {
    dialogs.script({ kind: 'confirm', confirmed: false });
    const declined = await invokeOperation(api, 'updateSettings', { allowOtherHosts: true });
    assert.equal(declined.ok && declined.value.allowOtherHosts, false);
    assert.match(dialogs.asked[0]?.kind === 'confirm' ? dialogs.asked[0].dialog.detail : '', /phishing/u);
    dialogs.script({ kind: 'confirm', confirmed: true });
    assert.equal((await api.updateSettings({ allowOtherHosts: true })).allowOtherHosts, true);
    dialogs.reset();
    assert.equal((await api.updateSettings({ allowOtherHosts: false })).allowOtherHosts, false);
    assert.deepEqual(dialogs.asked, []);
  });

  test('enabling the command line and widening its accounts are confirmed, naming the accounts; removals are not', async () => {
    const [acme] = (await api.listAccounts(undefined)).accounts;
    assert.ok(acme);
    dialogs.script({ kind: 'confirm', confirmed: false });
    const declined = await api.updateSettings({ cliEnabled: true, cliAccounts: [acme.id] });
    assert.deepEqual([declined.cliEnabled, declined.cliAccounts], [false, []]);
    dialogs.script({ kind: 'confirm', confirmed: true });
    const accepted = await api.updateSettings({ cliEnabled: true, cliAccounts: [acme.id] });
    assert.deepEqual([accepted.cliEnabled, accepted.cliAccounts], [true, [acme.id]]);
    assert.match(dialogs.asked.at(-1)?.kind === 'confirm' ? (dialogs.asked.at(-1) as { dialog: { detail: string } }).dialog.detail : '', /Acme/u);
    dialogs.reset();
    assert.deepEqual((await api.updateSettings({ cliAccounts: [] })).cliAccounts, []);
    assert.deepEqual(dialogs.asked, [], 'narrowing is not asked');
    dialogs.script({ kind: 'confirm', confirmed: false });
    assert.deepEqual((await api.updateSettings({ cliAccounts: [acme.id] })).cliAccounts, [], 'widening declined');
  });

  test('two changes at once cannot slip a widening past the question the other one asked', async () => {
    const [acme] = (await api.listAccounts(undefined)).accounts;
    assert.ok(acme);
    await api.updateSettings({ cliEnabled: false, cliAccounts: [] });
    dialogs.reset();
    // A compromised window turns the command line on (the dialog lists the accounts it serves: none) and, while
    // that dialog is open, adds every account: the second change must be asked on its own, after the first.
    dialogs.script({ kind: 'confirm', confirmed: true }, { kind: 'confirm', confirmed: false });
    await Promise.all([api.updateSettings({ cliEnabled: true }), api.updateSettings({ cliAccounts: [acme.id] })]);
    const settings = await api.getSettings(undefined);
    assert.deepEqual([settings.cliEnabled, settings.cliAccounts], [true, []], 'the widening was asked and declined');
    assert.equal(dialogs.asked.length, 2);
  });
});
