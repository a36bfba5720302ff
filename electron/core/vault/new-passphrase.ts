import type { PassphraseProblem } from '../../shared/passphrase';
import { describePassphraseProblem, loadStrengthEstimator, passphraseProblem } from '../../shared/passphrase';
import { AppError } from '../common/app-error';

/** A new passphrase main refused: the rule it breaks travels with the error (the message is its English wording). */
export class PassphraseRefusedError extends AppError {
  constructor(
    readonly problem: PassphraseProblem,
    field: string,
  ) {
    super('invalid-input', describePassphraseProblem(problem), field);
  }
}

/**
 * Every new vault passphrase main receives passes the shared rule again, strength included: the renderer's own
 * check is a convenience, never trusted. (A new backup passphrase is typed in main's own prompt, where
 * BackupService applies the same rule.)
 */
export async function checkNewPassphrase(passphrase: string, field = 'passphrase'): Promise<string> {
  const problem = passphraseProblem(passphrase, await loadStrengthEstimator());
  if (problem !== null) throw new PassphraseRefusedError(problem, field);
  return passphrase;
}
