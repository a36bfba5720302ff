import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ClipboardItem } from 'electron';
import { createClipboardGuard, InMemoryClipboard } from '../../electron/core/app/clipboard-guard';
import { electronClipboardPort, sensitiveClipboardEntries } from '../../electron/main/electron-clipboard';
import { ManualClock } from '../support/manual-clock';

describe('clipboard guard', () => {
  test('clears the clipboard after the delay when it still holds what we wrote', async () => {
    const clock = new ManualClock();
    const clipboard = new InMemoryClipboard();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.write('token-one', 30);
    assert.equal(clipboard.peek(), 'token-one');
    await clock.advance(29_000);
    assert.equal(clipboard.peek(), 'token-one');
    await clock.advance(1_000);
    assert.equal(clipboard.peek(), '');
  });

  test('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const clock = new ManualClock();
    const clipboard = new InMemoryClipboard();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.write('token-one', 30);
    clipboard.copyFromElsewhere('meeting notes');
    await clock.advance(30_000);
    assert.equal(clipboard.peek(), 'meeting notes');
    assert.equal(await guard.clearIfOurs(), false, 'on quit too');
    assert.equal(clipboard.peek(), 'meeting notes');
  });

  test('0 seconds means never cleared by timer, but still cleared on quit', async () => {
    const clock = new ManualClock();
    const clipboard = new InMemoryClipboard();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.write('token-one', 0);
    await clock.advance(24 * 3_600_000);
    assert.equal(clipboard.peek(), 'token-one');
    assert.equal(await guard.holdsOurs(), true);
    assert.equal(await guard.clearIfOurs(), true);
    assert.equal(clipboard.peek(), '');
  });

  test('a second copy restarts the delay and the first timer does not clear it early', async () => {
    const clock = new ManualClock();
    const clipboard = new InMemoryClipboard();
    const guard = createClipboardGuard({ clipboard, clock });
    await guard.write('token-one', 30);
    await clock.advance(20_000);
    await guard.write('Authorization: Bearer token-two', 30);
    await clock.advance(15_000);
    assert.equal(clipboard.peek(), 'Authorization: Bearer token-two');
    await clock.advance(15_000);
    assert.equal(clipboard.peek(), '');
  });
});

describe('Electron clipboard adapter', () => {
  test('marks the token as sensitive in the platform formats', () => {
    const raw = (format: string): string => `electron application/osclipboard;format="${format}"`;
    const mac = sensitiveClipboardEntries('tok', 'darwin');
    assert.equal(mac['text/plain'], 'tok');
    assert.ok(raw('org.nspasteboard.ConcealedType') in mac);
    const windows = sensitiveClipboardEntries('tok', 'win32');
    assert.equal(windows['text/plain'], 'tok');
    assert.equal(windows[raw('ExcludeClipboardContentFromMonitorProcessing')], '\0\0\0\0');
    assert.equal(windows[raw('CanIncludeInClipboardHistory')], '\0\0\0\0');
    assert.equal(windows[raw('CanUploadToCloudClipboard')], '\0\0\0\0');
    assert.equal(sensitiveClipboardEntries('tok', 'linux')[raw('x-kde-passwordManagerHint')], 'secret');
  });

  test('what is written is what Electron 45\'s ClipboardItem accepts: string payloads under MIME keys, never empty', () => {
    for (const platform of ['darwin', 'win32', 'linux', 'freebsd'] as const) {
      const entries = sensitiveClipboardEntries('tok', platform);
      assert.ok(Object.keys(entries).length > 0, platform);
      for (const [type, value] of Object.entries(entries)) {
        assert.equal(typeof value, 'string', `${platform} ${type}`);
        assert.ok(type === 'text/plain' || /^electron application\/osclipboard;format="[^"]+"$/u.test(type), `${platform} ${type}`);
      }
    }
  });

  test('a plain-text fallback is reported, with the reason and never the token', async () => {
    const reasons: string[] = [];
    const port = electronClipboardPort({
      clipboard: {
        write: () => Promise.reject(new Error('format not supported')),
        writeText: () => Promise.resolve(),
        readText: () => Promise.resolve(''),
        clear: () => undefined,
      },
      createItem: (entries) => entries as unknown as ClipboardItem,
      platform: 'linux',
      onPlainTextFallback: (reason) => reasons.push(reason),
    });
    await port.writeText('secret-token');
    assert.deepEqual(reasons, ['format not supported']);
  });

  test('writes text and markers in one atomic write, falls back to plain text when refused', async () => {
    const writes: Record<string, string>[][] = [];
    const plain: string[] = [];
    let refuse = false;
    const port = electronClipboardPort({
      clipboard: {
        write: (items: ClipboardItem[]) => {
          if (refuse) return Promise.reject(new Error('format not supported'));
          writes.push(items as unknown as Record<string, string>[]);
          return Promise.resolve();
        },
        writeText: (text: string) => {
          plain.push(text);
          return Promise.resolve();
        },
        readText: () => Promise.resolve(''),
        clear: () => undefined,
      },
      createItem: (entries) => entries as unknown as ClipboardItem,
      platform: 'win32',
    });
    await port.writeText('tok');
    assert.equal(writes.length, 1);
    assert.equal(Object.keys(writes[0]?.[0] ?? {}).length, 4);
    refuse = true;
    await port.writeText('tok2');
    assert.deepEqual(plain, ['tok2']);
  });
});
