import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { PassphraseScore, StrengthEstimator } from './passphrase';

/** Words anyone guessing a passphrase for this app tries first. */
const APP_WORDS = ['winbooks', 'winbooksonweb', 'token', 'tokens', 'manager', 'passphrase', 'vault', 'backup', 'accountant', 'comptable', 'boekhouder'];

/** Loaded only through loadStrengthEstimator (passphrase.ts): the dictionaries are large. */
export function createStrengthEstimator(): StrengthEstimator {
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...dictionary, app: APP_WORDS },
    graphs: adjacencyGraphs,
    // Also catches near-misses of common passwords ("passw0rd1234!"), at a few tens of ms per check.
    useLevenshteinDistance: true,
  });
  return (passphrase): PassphraseScore => zxcvbn.check(passphrase).score;
}
