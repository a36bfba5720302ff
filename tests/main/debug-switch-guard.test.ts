import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TEST_BUILD_PRODUCT_NAME, forbiddenDebugSwitch, mustRefuseDebugSwitch } from '../../electron/main/debug-switch-guard';

/** Issue 10 finding 7: a packaged app does not start with a debugging switch. */
describe('debugging switches at start', () => {
  const none = (): boolean => false;

  test('each remote-debugging and inspect form in argv is found', () => {
    for (const argument of ['--remote-debugging-port=9222', '--remote-debugging-port', '--remote-debugging-pipe', '--inspect', '--inspect=9229', '--inspect-brk=0', '--inspect-port=1234', '--remote-debugging-address=0.0.0.0']) {
      assert.notEqual(forbiddenDebugSwitch(['/opt/app/winbooks', argument], none), null, argument);
    }
  });

  test('a switch Chromium parsed (app.commandLine) is found even when argv looks clean', () => {
    assert.equal(forbiddenDebugSwitch(['/opt/app/winbooks'], (name) => name === 'remote-debugging-pipe'), '--remote-debugging-pipe');
  });

  test('ordinary arguments and look-alikes pass', () => {
    assert.equal(forbiddenDebugSwitch(['/opt/app/winbooks', '--hidden', '--inspector-notes', 'remote-debugging-port'], none), null);
  });

  test('only a packaged release build refuses; development and the test build do not', () => {
    const argv = ['/opt/app/winbooks', '--remote-debugging-port=9222'];
    assert.equal(mustRefuseDebugSwitch({ isPackaged: true, appName: 'Winbooks Token Manager', argv, hasSwitch: none }), '--remote-debugging-port');
    assert.equal(mustRefuseDebugSwitch({ isPackaged: false, appName: 'Winbooks Token Manager', argv, hasSwitch: none }), null);
    assert.equal(mustRefuseDebugSwitch({ isPackaged: true, appName: TEST_BUILD_PRODUCT_NAME, argv, hasSwitch: none }), null);
  });
});
