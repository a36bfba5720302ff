import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PASSPHRASE_ATTEMPTS } from '../../electron/core/app/backup-service';
import { DIALOG_TEXTS } from '../../electron/core/app/dialog-texts';
import { openBackup } from '../../electron/core/vault/backup-format';
import { PassphraseRefusedError } from '../../electron/core/vault/index';
import { contract } from '../../electron/shared/ipc-contract';
import type { StrengthEstimator } from '../../electron/shared/passphrase';
import { PASSPHRASE_MIN_LENGTH, loadStrengthEstimator, passphraseProblem, strongPassphraseSchema } from '../../electron/shared/passphrase';
import { validateWith } from '../../renderer/forms/field-errors';
import { en } from '../../renderer/i18n/locales/en';
import { fr } from '../../renderer/i18n/locales/fr';
import { nl } from '../../renderer/i18n/locales/nl';
import type { Translate } from '../../renderer/i18n/translate';
import { createTranslator } from '../../renderer/i18n/translator';
import type { ScriptedDialogs } from '../harness/scripted-dialogs';
import { backupsOverVault } from '../support/backup-service-fixture';
import { FakeOsEncryption, PASSPHRASE, TEST_SCRYPT, inTempDirectory, openTestVault, openWithPassphrase } from './support';

const ELEVEN = 'kayak-violet'.slice(0, 11);
const TWELVE_SPACES = ' '.repeat(12);
const OTHER_WHITESPACE = '\t \u00a0\u2003\n'.repeat(3);
const WEAK_COMMON = 'password1234';
const STRONG = 'violet kayak under the 1987 umbrella';

describe('passphrase rule (electron/shared/passphrase.ts), shared by main and renderer', () => {
  let estimate: StrengthEstimator;
  before(async () => {
    estimate = await loadStrengthEstimator();
  });

  it('refuses 11 characters, 12 spaces, any whitespace only, and a weak common passphrase, with a code and its parameters', () => {
    assert.equal(ELEVEN.length, 11);
    assert.deepEqual(passphraseProblem(ELEVEN, estimate), { code: 'too-short', min: 12 });
    assert.deepEqual(passphraseProblem(TWELVE_SPACES, estimate), { code: 'whitespace-only' });
    assert.deepEqual(passphraseProblem(OTHER_WHITESPACE, estimate), { code: 'whitespace-only' });
    const weak = passphraseProblem(WEAK_COMMON, estimate);
    assert.equal(weak?.code, 'too-weak');
    assert.ok(weak.code === 'too-weak' && weak.score < weak.minScore && weak.minScore === 3, JSON.stringify(weak));
    for (const alsoWeak of ['qwertyuiop123', 'azertyuiop12', 'aaaaaaaaaaaa', 'winbookstoken', 'Passw0rd1234!']) {
      assert.equal(passphraseProblem(alsoWeak, estimate)?.code, 'too-weak', alsoWeak);
    }
    assert.deepEqual(passphraseProblem('x'.repeat(1025), estimate), { code: 'too-long', max: 1024 });
  });

  it('accepts a strong passphrase', () => {
    assert.equal(passphraseProblem(STRONG, estimate), null);
    assert.equal(passphraseProblem(PASSPHRASE, estimate), null);
    assert.equal(passphraseProblem(`  ${STRONG}  `, estimate), null, 'spaces around words are fine');
  });

  it('the IPC contract refuses the length and whitespace rules before main is reached', () => {
    assert.equal(PASSPHRASE_MIN_LENGTH, 12);
    for (const passphrase of [ELEVEN, TWELVE_SPACES]) {
      assert.equal(contract.createPassphrase.request.safeParse({ passphrase }).success, false, JSON.stringify(passphrase));
      assert.equal(contract.changePassphrase.request.safeParse({ current: 'x', next: passphrase }).success, false, JSON.stringify(passphrase));
    }
    assert.equal(contract.createPassphrase.request.safeParse({ passphrase: STRONG }).success, true);
  });

  it('words each refusal in English, French and Dutch from its code and parameters', () => {
    const words: Record<string, Translate> = {
      en: createTranslator({ language: 'en', messages: en }),
      fr: createTranslator({ language: 'fr', messages: fr }),
      nl: createTranslator({ language: 'nl', messages: nl }),
    };
    const schema = strongPassphraseSchema(estimate);
    const shown = (language: string, passphrase: string): string | undefined => {
      const t = words[language];
      assert.ok(t);
      const result = validateWith(schema, passphrase, t, 'passphrase');
      return result.ok ? undefined : result.errors.passphrase;
    };
    assert.equal(shown('en', ELEVEN), 'Use at least 12 characters.');
    assert.equal(shown('fr', ELEVEN), 'Au moins 12 caractères.');
    assert.equal(shown('nl', ELEVEN), 'Gebruik minstens 12 tekens.');
    assert.equal(shown('en', TWELVE_SPACES), 'A passphrase cannot be only spaces.');
    assert.match(shown('fr', TWELVE_SPACES) ?? '', /que d'espaces/u);
    assert.match(shown('nl', TWELVE_SPACES) ?? '', /alleen uit spaties/u);
    assert.match(shown('en', WEAK_COMMON) ?? '', /^Too easy to guess/u);
    assert.match(shown('fr', WEAK_COMMON) ?? '', /^Trop facile à deviner/u);
    assert.match(shown('nl', WEAK_COMMON) ?? '', /^Te makkelijk te raden/u);
    assert.equal(shown('fr', STRONG), undefined);
  });
});

/** A check for assert.rejects: main refused the passphrase for this rule, on this field. */
function refusedFor(code: string, field = 'passphrase'): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof PassphraseRefusedError, String(error));
    assert.equal(error.code, 'invalid-input');
    assert.equal(error.field, field);
    assert.equal(error.problem.code, code);
    return true;
  };
}

describe('main checks every new passphrase it receives, strength included', () => {
  it('refuses a weak or blank passphrase for a new vault and creates nothing', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openTestVault(dir.path);
      for (const [passphrase, code] of [
        [ELEVEN, 'too-short'],
        [TWELVE_SPACES, 'whitespace-only'],
        [WEAK_COMMON, 'too-weak'],
      ] as const) {
        await assert.rejects(vault.createWithPassphrase(passphrase), refusedFor(code));
      }
      assert.equal(vault.state().state, 'setup');
      assert.equal(vault.writeCount, 0);
      await vault.createWithPassphrase(STRONG);
      assert.equal(vault.state().state, 'open');
      await vault.close();
    });
  });

  it('refuses a weak new passphrase on change, and on adding one to the keychain', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      await assert.rejects(vault.changePassphrase(PASSPHRASE, WEAK_COMMON), refusedFor('too-weak', 'next'));
      await vault.close();
    });
    await inTempDirectory(async (dir) => {
      const vault = await openTestVault(dir.path, { osEncryption: new FakeOsEncryption() });
      assert.equal(vault.state().protection, 'os-keychain');
      await assert.rejects(vault.addPassphrase(WEAK_COMMON), refusedFor('too-weak'));
      assert.equal(vault.state().protection, 'os-keychain');
      await vault.close();
    });
  });
});

describe('main refuses a weak or blank backup passphrase in its own dialog', () => {
  it('asks again, saying why, for whitespace only, too short or too weak; then exports with a strong one', async () => {
    await inTempDirectory(async (dir) => {
      const vault = await openWithPassphrase(dir.path);
      const backups = backupsOverVault(vault, { vaultPassphrase: PASSPHRASE, kdfParams: TEST_SCRYPT });
      backups.dialogs.script(
        { kind: 'passphrase', value: PASSPHRASE },
        { kind: 'passphrase', value: TWELVE_SPACES },
        { kind: 'passphrase', value: OTHER_WHITESPACE },
        { kind: 'passphrase', value: STRONG },
        { kind: 'save-file', path: '/backups/strong.json' },
      );
      assert.equal((await backups.service.exportBackup()).outcome, 'exported');
      assert.deepEqual(newBackupPrompts(backups.dialogs), [null, DIALOG_TEXTS.en.weakPassphrase, DIALOG_TEXTS.en.weakPassphrase]);
      await openBackup(backups.files.written.get('/backups/strong.json') ?? '', STRONG);

      backups.dialogs.reset();
      backups.dialogs.script({ kind: 'passphrase', value: PASSPHRASE }, ...[TWELVE_SPACES, ELEVEN, WEAK_COMMON].map((value) => ({ kind: 'passphrase', value }) as const));
      await assert.rejects(backups.service.exportBackup(), { name: 'AppError', code: 'invalid-input', field: 'passphrase', message: /too short or too weak.*Nothing was changed\./u });
      assert.deepEqual(newBackupPrompts(backups.dialogs).length, PASSPHRASE_ATTEMPTS);
      assert.equal(backups.dialogs.asked.some((asked) => asked.kind === 'save-file'), false, 'no file is chosen, none written');
      assert.deepEqual([...backups.files.written.keys()], ['/backups/strong.json']);
      await vault.close();
    });
  });
});

/** The error each "new backup passphrase" prompt showed, in order (null: the first time). */
function newBackupPrompts(dialogs: ScriptedDialogs): (string | null)[] {
  return dialogs.asked.flatMap((asked) => (asked.kind === 'passphrase' && asked.prompt.purpose === 'new-backup' ? [asked.prompt.error] : []));
}
