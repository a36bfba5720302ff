import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { App, BrowserWindow, PowerMonitor } from 'electron';
import { keepRunningOnClose } from '../../electron/main/close-to-tray';
import { resyncOnWake } from '../../electron/main/power-events';
import { cleanUpOnWindowsSessionEnd, holdQuitForCleanup } from '../../electron/main/quit-sequence';
import { rendererCrashGuard } from '../../electron/main/renderer-crash-guard';
import { CapturingLogger } from '../support/lifecycle-fixture';
import { FakeEmitter, FakeEvent } from './fake-electron';

describe('power events', () => {
  test('resume and unlock-screen resync the lifecycle; other events do not', () => {
    const powerMonitor = new FakeEmitter();
    let resyncs = 0;
    resyncOnWake(powerMonitor as unknown as PowerMonitor, () => (resyncs += 1), new CapturingLogger());
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    assert.equal(resyncs, 0);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    assert.equal(resyncs, 2);
  });
});

describe('quit', () => {
  test('holds the quit until the clean-up (vault flush, clipboard) is done, then quits once', async () => {
    const app = new FakeEmitter() as FakeEmitter & { quit(): void };
    let quits = 0;
    let finishCleanup: () => void = () => undefined;
    let cleanups = 0;
    app.quit = () => {
      quits += 1;
      app.emit('before-quit', new FakeEvent());
    };
    const quit = holdQuitForCleanup(
      app as unknown as App,
      () => {
        cleanups += 1;
        return new Promise<void>((resolve) => (finishCleanup = resolve));
      },
      new CapturingLogger(),
    );
    assert.equal(quit.isQuitting(), false);
    const first = new FakeEvent();
    app.emit('before-quit', first);
    assert.equal(first.defaultPrevented, true, 'held back while cleaning up');
    assert.equal(quit.isQuitting(), true);
    const second = new FakeEvent();
    app.emit('before-quit', second);
    assert.equal(second.defaultPrevented, true);
    assert.equal(cleanups, 1, 'clean-up runs once');
    finishCleanup();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(quits, 1, 'then the app quits for real');
  });
});

describe('quit bound and Windows session end', () => {
  test('a clean-up that hangs (a refresh under way) does not keep the app alive past the bound', async () => {
    const app = new FakeEmitter() as FakeEmitter & { quit(): void };
    let quits = 0;
    app.quit = () => {
      quits += 1;
      app.emit('before-quit', new FakeEvent());
    };
    let fireBound: () => void = () => undefined;
    const logger = new CapturingLogger();
    holdQuitForCleanup(app as unknown as App, () => new Promise<void>(() => undefined), logger, { boundMs: 5_000, setTimer: (_ms, run) => (fireBound = run) });
    app.emit('before-quit', new FakeEvent());
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(quits, 0, 'still cleaning up');
    fireBound();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(quits, 1, 'quit once the bound passed');
    assert.ok(logger.events().includes('quit.cleanup-timed-out'));
  });

  test('Windows: the clean-up starts at query-session-end (no before-quit comes on shut down or log off)', async () => {
    const app = new FakeEmitter() as FakeEmitter & { quit(): void };
    app.quit = () => undefined;
    let cleanups = 0;
    const quit = holdQuitForCleanup(app as unknown as App, () => {
      cleanups += 1;
      return Promise.resolve();
    }, new CapturingLogger());
    const window = new FakeEmitter();
    cleanUpOnWindowsSessionEnd(window as unknown as BrowserWindow, 'win32', quit, new CapturingLogger());
    window.emit('query-session-end', new FakeEvent());
    window.emit('session-end', new FakeEvent());
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(cleanups, 1, 'once');
    const linuxWindow = new FakeEmitter();
    cleanUpOnWindowsSessionEnd(linuxWindow as unknown as BrowserWindow, 'linux', quit, new CapturingLogger());
    assert.equal(linuxWindow.listenerCount('session-end'), 0, 'the events exist on Windows only');
  });
});

describe('renderer crashes', () => {
  test('a page that keeps crashing is reloaded a few times, then no more', () => {
    let now = 0;
    const guard = rendererCrashGuard(() => now);
    assert.deepEqual([guard.shouldReload(), guard.shouldReload(), guard.shouldReload(), guard.shouldReload()], [true, true, true, false]);
    now += 61_000;
    assert.equal(guard.shouldReload(), true, 'a crash long after is reloaded again');
  });
});

describe('closing the window', () => {
  function window() {
    const emitter = new FakeEmitter() as FakeEmitter & { hidden: number; hide(): void };
    emitter.hidden = 0;
    emitter.hide = () => {
      emitter.hidden += 1;
    };
    return emitter;
  }

  test('hides to the tray with a one-time hint on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const win = window();
      let hintShown = false;
      let hints = 0;
      keepRunningOnClose(win as unknown as BrowserWindow, {
        platform,
        isQuitting: () => false,
        hintAlreadyShown: () => hintShown,
        showHint: () => {
          hints += 1;
          hintShown = true;
        },
      });
      const close = new FakeEvent();
      win.emit('close', close);
      win.emit('close', new FakeEvent());
      assert.equal(close.defaultPrevented, true);
      assert.equal(win.hidden, 2);
      assert.equal(hints, 1, `${platform}: the hint is shown once`);
    }
  });

  test('Quit closes the window for real', () => {
    const win = window();
    keepRunningOnClose(win as unknown as BrowserWindow, { platform: 'linux', isQuitting: () => true, hintAlreadyShown: () => false, showHint: () => assert.fail('no hint when quitting') });
    const close = new FakeEvent();
    win.emit('close', close);
    assert.equal(close.defaultPrevented, false);
    assert.equal(win.hidden, 0);
  });
});
