import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { DATA_DIRECTORY_ENV } from '../../electron/core/command-line/app-data-dir';
import { CliServer } from '../../electron/core/command-line/cli-server';
import { GatewayControl } from '../../electron/core/gateway/gateway-control';
import { GATEWAY_TEXTS } from '../../electron/core/gateway/gateway-texts';
import { runCliProcess } from '../cli/cli-harness';
import { GatewayFixture, send } from './gateway-fixture';

let fixture: GatewayFixture;
let control: GatewayControl;
let server: CliServer;
let dataDirectory: string;
let acme: { id: string };
let oldKey: { id: string };

before(async () => {
  fixture = await GatewayFixture.start();
  dataDirectory = await mkdtemp(join(tmpdir(), 'wtm-gateway-cli-'));
  const settings = createInMemorySettingsStore({ gatewayEnabled: true, gatewayPort: fixture.port });
  control = new GatewayControl({
    keys: fixture.keys,
    settings,
    lifecycle: () => fixture.lifecycle,
    clipboard: createClipboardGuard({ clipboard: new InMemoryClipboard() }),
    dialogs: { confirm: () => Promise.resolve(true) },
    texts: () => GATEWAY_TEXTS.en,
    createServer: () => fixture.gateway,
  });
  server = new CliServer({ lifecycle: () => fixture.lifecycle, vaultState: () => 'open', appVersion: 'test', dataDirectory, mayServe: () => true, gatewayUrl: (id) => control.cliUrl(id) });
  await server.start();
  // Both accounts now: a token request after the seconds a CLI process takes to start could meet the sandbox
  // closing the client's idle keep-alive connection (a reset the token client reports as unreachable).
  acme = (await fixture.addAccount('Acme Bakery')).account;
  oldKey = (await fixture.addAccount('Old Key Ltd')).account;
});

after(async () => {
  await server.stop();
  await fixture.stop();
  await rm(dataDirectory, { recursive: true, force: true });
});

describe('winbooks-token url <account>', () => {
  test('prints a working gateway URL for a key issued in this run', async () => {
    await control.copyUrl(acme.id);
    const run = await runCliProcess(['url', 'acme bakery'], { [DATA_DIRECTORY_ENV]: dataDirectory });
    assert.equal(run.code, 0, run.stderr);
    const url = run.stdout.trim();
    assert.match(url, new RegExp(`^http://127\\.0\\.0\\.1:${fixture.port}/[A-Za-z0-9_-]{43}/app/$`, 'u'));
    const answer = await send(fixture.port, `${new URL(url).pathname}Customers/Folder/ACME?limit=1`);
    assert.equal(answer.status, 200);
    assert.equal(server.entries().at(-1)?.command, 'url');
  });

  test('a key from before the restart cannot be shown: exit 5 with what to do', async () => {
    await fixture.keys.issue(oldKey.id);
    await fixture.keys.load(); // as after a restart: digests only
    const run = await runCliProcess(['url', 'Old Key Ltd'], { [DATA_DIRECTORY_ENV]: dataDirectory });
    assert.equal(run.code, 5);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /never shown again.*"Copy gateway URL"/u);
  });
});
