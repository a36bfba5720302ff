import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAppApi } from '../../electron/core/app/app-api';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { GatewayControl } from '../../electron/core/gateway/gateway-control';
import type { GatewayServerPort } from '../../electron/core/gateway/gateway-control';
import { GatewayKeys } from '../../electron/core/gateway/gateway-keys';
import { InMemoryGatewayKeyStore } from '../../electron/core/gateway/gateway-key-store';
import { GATEWAY_TEXTS } from '../../electron/core/gateway/gateway-texts';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings';
import { ScriptedDialogs } from '../harness/scripted-dialogs';
import { lifecycleFixture } from '../support/lifecycle-fixture';

/** A server that records what was asked of it. */
class RecordingServer implements GatewayServerPort {
  running = false;
  constructor(
    readonly port: number,
    private readonly log: string[],
    private readonly failWith: string | null,
  ) {}
  start(): Promise<void> {
    this.log.push(`start ${this.port}`);
    if (this.failWith !== null) return Promise.reject(new Error(this.failWith));
    this.running = true;
    return Promise.resolve();
  }
  stop(): Promise<void> {
    this.log.push(`stop ${this.port}`);
    this.running = false;
    return Promise.resolve();
  }
  isRunning(): boolean {
    return this.running;
  }
}

async function setUp(options: { answers?: boolean[]; failStart?: string; keyStore?: InMemoryGatewayKeyStore } = {}) {
  const { lifecycle, addAccount } = await lifecycleFixture();
  const settings = createInMemorySettingsStore();
  const clipboard = new InMemoryClipboard();
  const keys = new GatewayKeys(options.keyStore ?? new InMemoryGatewayKeyStore());
  await keys.load();
  const questions: string[] = [];
  const answers = [...(options.answers ?? [])];
  const serverLog: string[] = [];
  const control = new GatewayControl({
    keys,
    settings,
    lifecycle: () => lifecycle,
    clipboard: createClipboardGuard({ clipboard }),
    dialogs: {
      confirm: (message) => {
        questions.push(message);
        return Promise.resolve(answers.shift() ?? false);
      },
    },
    texts: () => GATEWAY_TEXTS.en,
    createServer: (port) => new RecordingServer(port, serverLog, options.failStart ?? null),
  });
  settings.onChange((next) => void control.apply(next));
  const api = createAppApi({
    lifecycle: () => lifecycle,
    vault: {} as never,
    backups: { exportBackup: () => Promise.reject(new Error('not used')), importBackup: () => Promise.reject(new Error('not used')) },
    confirmations: { dialogs: new ScriptedDialogs(), texts: () => DIALOG_TEXTS.en },
    settings,
    clipboard: createClipboardGuard({ clipboard }),
    audit: { entries: () => [], counters: () => ({ unauthenticated: 0, refused: 0 }) },
    appInfo: () => ({ version: '0', platform: 'linux', locale: 'en', demo: false }),
    gateway: control,
  });
  const account = await addAccount('Acme Bakery');
  return { api, control, keys, clipboard, questions, serverLog, settings, account };
}

describe('the gateway from the app API', () => {
  test('is off by default, on a fixed port', () => {
    assert.equal(DEFAULT_SETTINGS.gatewayEnabled, false);
    assert.equal(DEFAULT_SETTINGS.gatewayPort, 17_890);
  });

  test('turning it on is confirmed in main’s dialog; declined, nothing changes and nothing listens', async () => {
    const { api, questions, serverLog } = await setUp({ answers: [false] });
    const declined = await api.updateSettings({ gatewayEnabled: true });
    assert.equal(declined.gatewayEnabled, false);
    assert.equal(questions.length, 1);
    assert.match(questions[0] ?? '', /127\.0\.0\.1:17890/u);
    assert.deepEqual(serverLog, []);
  });

  test('agreed, the server starts; a new port moves it; off stops it; other settings ask nothing', async () => {
    const { api, control, questions, serverLog } = await setUp({ answers: [true] });
    await api.updateSettings({ gatewayEnabled: true });
    await control.apply((await api.getSettings(undefined)));
    assert.equal((await api.getGatewayState(undefined)).running, true);
    await api.updateSettings({ gatewayPort: 18_000 });
    await api.updateSettings({ clipboardClearSeconds: 10 });
    await api.updateSettings({ gatewayEnabled: false });
    await control.apply(await api.getSettings(undefined));
    assert.equal(questions.length, 1);
    assert.deepEqual(serverLog, ['start 17890', 'stop 17890', 'start 18000', 'stop 18000']);
  });

  test('a port already taken is reported in the state, in words', async () => {
    const { api, control } = await setUp({ answers: [true], failStart: 'The gateway could not listen on 127.0.0.1:17890 (another program already uses this port).' });
    await api.updateSettings({ gatewayEnabled: true });
    await control.apply(await api.getSettings(undefined));
    const state = await api.getGatewayState(undefined);
    assert.equal(state.running, false);
    assert.match(state.error ?? '', /another program already uses this port/u);
  });

  test('copying needs the gateway on', async () => {
    const { api, account } = await setUp();
    await assert.rejects(api.copyGatewayUrl({ id: account.id }), { code: 'gateway-unavailable' });
  });

  test('the first copy asks, issues a key and copies the URL in main; the renderer gets no key', async () => {
    const { api, account, clipboard, questions, keys } = await setUp({ answers: [true, true] });
    await api.updateSettings({ gatewayEnabled: true });
    const copied = await api.copyGatewayUrl({ id: account.id });
    assert.deepEqual(copied, { copied: true, newKey: true, clearsInSeconds: 30 });
    const url = clipboard.peek();
    const key = keys.keyIssuedThisRun(account.id) ?? '';
    assert.equal(url, `http://127.0.0.1:17890/${key}/app/`);
    assert.match(questions[1] ?? '', /Give "Acme Bakery" a gateway key\?/u);
    const state = await api.getGatewayState(undefined);
    assert.deepEqual(state.accountsWithKey, [account.id]);
    assert.ok(!JSON.stringify([copied, state]).includes(key), 'a key reached a response');

    // The snippet in the same run reuses the key: no new question, the URL stays valid.
    const snippet = await api.copyPowerQuerySnippet({ id: account.id });
    assert.deepEqual(snippet, { copied: true, newKey: false, clearsInSeconds: 30 });
    assert.equal(questions.length, 2);
    assert.match(clipboard.peek(), new RegExp(`Web\\.Contents\\("http://127\\.0\\.0\\.1:17890/${key}"`, 'u'));
  });

  test('declining the key question copies nothing and issues nothing', async () => {
    const { api, account, clipboard, keys } = await setUp({ answers: [true, false] });
    await api.updateSettings({ gatewayEnabled: true });
    clipboard.copyFromElsewhere('mine');
    assert.deepEqual(await api.copyGatewayUrl({ id: account.id }), { copied: false, newKey: false, clearsInSeconds: 0 });
    assert.equal(clipboard.peek(), 'mine');
    assert.equal(keys.hasKey(account.id), false);
  });

  test('after a restart the key cannot be shown: copying asks to replace it, and the old URL stops working', async () => {
    const keyStore = new InMemoryGatewayKeyStore();
    const before = await setUp({ answers: [true], keyStore });
    const oldKey = await before.keys.issue(before.account.id);
    // A restart: the same stored digests, a new process. The account id is kept by the vault; here it is re-keyed by hand.
    const after = await setUp({ answers: [true, true], keyStore });
    await keyStore.save((await keyStore.load()).map((entry) => ({ ...entry, accountId: after.account.id })));
    await after.keys.load();
    assert.equal(after.keys.accountFor(oldKey), after.account.id, 'the old URL works after the restart');
    await after.api.updateSettings({ gatewayEnabled: true });
    const copied = await after.api.copyGatewayUrl({ id: after.account.id });
    assert.equal(copied.newKey, true);
    assert.match(after.questions[1] ?? '', /Issue a new gateway key for "Acme Bakery"/u);
    assert.equal(after.keys.accountFor(oldKey), null);
  });

  test('rotate asks and replaces the key; revoke ends it without asking', async () => {
    const { api, account, keys, questions } = await setUp({ answers: [true, true, true] });
    await api.updateSettings({ gatewayEnabled: true });
    await api.copyGatewayUrl({ id: account.id });
    const first = keys.keyIssuedThisRun(account.id) ?? '';
    const rotated = await api.rotateGatewayKey({ id: account.id });
    assert.equal(rotated.newKey, true);
    assert.match(questions[2] ?? '', /Issue a new gateway key for "Acme Bakery"/u);
    assert.equal(keys.accountFor(first), null);
    const second = keys.keyIssuedThisRun(account.id) ?? '';
    assert.equal(keys.accountFor(second), account.id);
    assert.deepEqual(await api.revokeGatewayKey({ id: account.id }), { revoked: true });
    assert.equal(keys.accountFor(second), null);
    assert.equal(questions.length, 3);
  });
});
