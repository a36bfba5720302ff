import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DevConsoleDialogs } from './dev-console-dialogs';

const BACKUPS = { name: 'Backups', extensions: ['wtmbackup'] };

describe('the dev harness dialogs', () => {
  it('print each question; confirmations are answered yes without ticking any extra consent; prompts are cancelled', async () => {
    const lines: string[] = [];
    const dialogs = new DevConsoleDialogs((line) => lines.push(line));
    const answer = await dialogs.confirm({ title: 'Gateway', message: 'Turn on the gateway on port 8765?', detail: 'a\nb', confirmLabel: 'Turn on', cancelLabel: 'Cancel', checkboxLabel: 'Also change hosts' });
    assert.deepEqual(answer, { confirmed: true, checkboxChecked: false });
    assert.equal(await dialogs.askPassphrase({ purpose: 'vault', title: 'Export', message: 'Your passphrase', fieldLabel: 'Passphrase', repeat: null, confirmLabel: 'OK', cancelLabel: 'Cancel', error: null }), null);
    assert.equal(await dialogs.chooseSaveFile({ title: 'Save backup', buttonLabel: 'Save', filter: BACKUPS }), null);
    assert.equal(await dialogs.chooseOpenFile({ title: 'Open backup', buttonLabel: 'Open', filter: BACKUPS }), null);
    assert.equal(lines.length, 4);
    assert.match(lines[0] ?? '', /Turn on the gateway on port 8765\? \(a; b\) -> answered "Turn on"/u);
    assert.ok(lines.slice(1).every((line) => line.includes('cancelled')));
  });
});
