import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MemoryVault } from '../../electron/core/app/memory-vault';
import { DATA_DIRECTORY_ENV } from '../../electron/core/command-line';
import { APP_USER_MODEL_ID, runApp } from '../../electron/main/app-main';
import { fakeElectron, settle } from './fake-electron-app';
import type { FakeElectron } from './fake-electron-app';

/** The composition root on an honest fake of Electron (tests/main/fake-electron-app.ts). */

async function quitAndSettle(fake: FakeElectron): Promise<void> {
  fake.app.quit();
  await settle(40);
}

describe('composition root (app-main)', () => {
  test('before ready: sandbox, app scheme, AppUserModelID (Windows) and the lock; after: handler, tray, window', async () => {
    const fake = fakeElectron({ platform: 'win32' });
    runApp(fake.runtime);
    const beforeReady = [...fake.app.calls];
    assert.ok(beforeReady.includes(`app.setAppUserModelId:${APP_USER_MODEL_ID}`), 'set at start, before any notification');
    for (const call of ['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']) assert.ok(beforeReady.includes(call), call);
    fake.app.ready();
    await settle();
    const after = fake.app.calls.slice(fake.app.calls.indexOf('ready'));
    for (const call of ['protocol.handle', 'new Tray', 'new BrowserWindow']) assert.ok(after.includes(call), call);
    const firstNotification = fake.app.calls.indexOf('new Notification');
    assert.ok(firstNotification === -1 || firstNotification > fake.app.calls.indexOf(`app.setAppUserModelId:${APP_USER_MODEL_ID}`));
    await quitAndSettle(fake);
  });

  test('the AppUserModelID is the appId electron-builder gives the NSIS shortcut', () => {
    const config = readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8');
    assert.match(config, new RegExp(`^appId: ${APP_USER_MODEL_ID.replaceAll('.', '\\.')}$`, 'mu'));
  });

  test('a slow keychain: tray and window exist before it answers, and a second launch shows the window', async () => {
    const fake = fakeElectron({ platform: 'linux' });
    runApp(fake.runtime);
    fake.app.emit('second-instance');
    fake.app.ready();
    await settle();
    assert.equal(fake.trays.length, 1, 'the tray is there while the keychain has not answered');
    assert.equal(fake.windows.length, 1);
    const window = fake.windows[0];
    assert.ok(window);
    assert.equal(window.shows, 1, 'the launch made before ready is answered');
    window.hide();
    fake.app.emit('second-instance');
    assert.equal(window.visible, true, 'and so is one made while the keychain is slow');
    assert.ok(fake.ipcMain.handlers.size > 0, 'the window can already ask main for the vault state');
    await quitAndSettle(fake);
  });

  test('a start-up failure is shown in a native dialog naming the log file, written there, and the app exits', async () => {
    const fake = fakeElectron({ failPreferences: new Error('preferences.json is not valid JSON') });
    runApp(fake.runtime);
    fake.app.ready();
    await settle();
    assert.equal(fake.errorBoxes.length, 1);
    const [box] = fake.errorBoxes;
    assert.match(box?.title ?? '', /could not start/u);
    const logPath = join(fake.app.getPath('logs'), 'main.log');
    assert.ok(box?.content.includes('preferences.json is not valid JSON'));
    assert.ok(box?.content.includes(logPath), 'the dialog says where the details are');
    assert.match(readFileSync(logPath, 'utf8'), /"event":"startup.failed".*not valid JSON/u);
    assert.equal(fake.app.exitCode, 1);
  });

  test('launch at login: re-read from the system at start (Windows), never touched on Linux', async () => {
    const windows = fakeElectron({ platform: 'win32', isPackaged: true, openAtLogin: true });
    runApp(windows.runtime);
    windows.app.ready();
    await settle();
    assert.ok(windows.app.calls.includes('app.getLoginItemSettings'));
    assert.equal((windows.preferences.get('settings') as { launchAtLogin?: boolean } | undefined)?.launchAtLogin, true, 'the system says on: the setting follows');
    await quitAndSettle(windows);

    const linux = fakeElectron({ platform: 'linux', isPackaged: true, openAtLogin: true });
    runApp(linux.runtime);
    linux.app.ready();
    await settle();
    assert.equal(linux.app.calls.filter((call) => call.includes('LoginItem')).length, 0);
    await quitAndSettle(linux);
  });

  test('plain GNOME without a StatusNotifierItem host: closing minimizes instead of hiding into a tray nobody sees', async () => {
    const fake = fakeElectron({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: 'GNOME' }, sniWatcher: false });
    runApp(fake.runtime);
    fake.app.ready();
    await settle();
    const window = fake.windows[0];
    assert.ok(window);
    window.show();
    assert.equal(window.userCloses(), false);
    assert.equal(window.visible, true, 'not hidden');
    assert.equal(window.minimized, true);
    await quitAndSettle(fake);
  });

  test('macOS: a left click on the tray opens its menu only; Windows: it shows the window', async () => {
    for (const [platform, shows] of [['darwin', false], ['win32', true]] as const) {
      const fake = fakeElectron({ platform });
      runApp(fake.runtime);
      fake.app.ready();
      await settle();
      assert.equal(fake.trays[0]?.listenerCount('click'), shows ? 1 : 0, platform);
      await quitAndSettle(fake);
    }
  });

  test('the demo keeps its own folder whatever WINBOOKS_TOKEN_MANAGER_DIR says, under its own name and version', () => {
    const fake = fakeElectron({ env: { [DATA_DIRECTORY_ENV]: '/home/accountant/.config/Winbooks Token Manager' } });
    runApp(fake.runtime, { demo: { vault: new MemoryVault(), seed: () => Promise.resolve(), dataDirectory: '/tmp/winbooks-token-manager-demo-x', name: 'Winbooks Token Manager (demo)', version: '0.1.0' } });
    assert.equal(fake.app.getPath('userData'), '/tmp/winbooks-token-manager-demo-x');
    assert.equal(fake.app.name, 'Winbooks Token Manager (demo)');
  });
});
