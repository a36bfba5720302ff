import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppSession } from '../../electron/core/app/app-session';
import type { SessionVault } from '../../electron/core/app/app-session';
import { PassphraseAttempts, delayAfterFailures } from '../../electron/core/app/passphrase-attempts';
import { createInMemorySettingsStore } from '../../electron/core/app/settings-store';
import { AppError } from '../../electron/core/common/app-error';
import { systemClock } from '../../electron/core/common/clock';
import { InMemoryAccountStorage } from '../../electron/core/tokens/in-memory-storage';
import { TokenLifecycle } from '../../electron/core/tokens/token-lifecycle';
import type { VaultState } from '../../electron/shared/ipc-contract';
import { ScriptedClient } from '../support/scripted-client';

const LOCKED: VaultState = { state: 'locked', protection: 'passphrase', reason: null, keptAsidePath: null };
const wrong = (): Promise<never> => Promise.reject(new AppError('invalid-input', 'Passphrase: wrong.', 'passphrase'));

/** A locked vault that counts the guesses it is asked to check and how many ran at once. */
function guessingVault(): SessionVault & { checked: number; mostAtOnce: number } {
  let running = 0;
  const vault = {
    storage: new InMemoryAccountStorage(),
    checked: 0,
    mostAtOnce: 0,
    state: () => LOCKED,
    onStateChange: () => () => undefined,
    unlock: async (): Promise<VaultState> => {
      vault.checked += 1;
      running += 1;
      vault.mostAtOnce = Math.max(vault.mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return wrong();
    },
    createWithPassphrase: wrong,
    changePassphrase: wrong,
    startOver: wrong,
    verifyPassphrase: wrong,
    flush: () => Promise.resolve(),
  };
  return vault;
}

describe('guessing the vault passphrase from the window', () => {
  test('three guesses are free, then each wrong one doubles the wait, up to 30 s', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 10].map(delayAfterFailures), [0, 0, 0, 1000, 2000, 4000, 30_000]);
  });

  test('guesses sent all at once are checked one at a time, and the waits grow', async () => {
    const waits: number[] = [];
    const vault = guessingVault();
    const session = new AppSession({
      vault,
      settings: createInMemorySettingsStore(),
      createLifecycle: (storage) => new TokenLifecycle({ client: new ScriptedClient(systemClock), storage }),
      passphraseAttempts: new PassphraseAttempts((ms) => {
        waits.push(ms);
        return Promise.resolve();
      }),
    });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, index) => session.unlock(`guess number ${index}`)));
    assert.ok(results.every((result) => result.status === 'rejected'));
    assert.equal(vault.checked, 6);
    assert.equal(vault.mostAtOnce, 1, 'never two checks at once');
    assert.deepEqual(waits, [1000, 2000, 4000]);
  });

  test('"changing" the passphrase to itself is refused before the vault is asked (it would confirm a guess)', async () => {
    const vault = guessingVault();
    const session = new AppSession({ vault, settings: createInMemorySettingsStore(), createLifecycle: (storage) => new TokenLifecycle({ client: new ScriptedClient(systemClock), storage }) });
    await assert.rejects(session.changePassphrase('same passphrase here', 'same passphrase here'), (error: unknown) => error instanceof AppError && error.field === 'next');
  });
});
