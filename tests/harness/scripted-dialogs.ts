import type { ConfirmAnswer, ConfirmDialog, FilePrompt, MainDialogs, PassphrasePrompt } from '../../electron/core/app/main-dialogs';

/**
 * Main's dialogs, answered from a script: tests and the browser harness say beforehand what the user will
 * answer, then check what main asked. An answer of the wrong kind fails loudly (main asked something the test
 * did not expect); with nothing scripted every dialog is cancelled, as a user closing it would.
 */
export type ScriptedAnswer =
  | { kind: 'confirm'; confirmed: boolean; checkbox?: boolean }
  | { kind: 'passphrase'; value: string | null }
  | { kind: 'save-file'; path: string | null }
  | { kind: 'open-file'; path: string | null };

export type AskedDialog =
  | { kind: 'confirm'; dialog: ConfirmDialog }
  | { kind: 'passphrase'; prompt: PassphrasePrompt }
  | { kind: 'save-file'; prompt: FilePrompt }
  | { kind: 'open-file'; prompt: FilePrompt };

export class ScriptedDialogs implements MainDialogs {
  readonly asked: AskedDialog[] = [];
  private answers: ScriptedAnswer[] = [];

  /** Queues the user's next answers, in the order main will ask. */
  script(...answers: ScriptedAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** Answers not used yet (a test can assert the flow asked everything it expected). */
  pending(): readonly ScriptedAnswer[] {
    return [...this.answers];
  }

  reset(): void {
    this.answers = [];
    this.asked.length = 0;
  }

  confirm(dialog: ConfirmDialog): Promise<ConfirmAnswer> {
    this.asked.push({ kind: 'confirm', dialog });
    const answer = this.take('confirm');
    return Promise.resolve(answer === undefined ? { confirmed: false, checkboxChecked: false } : { confirmed: answer.confirmed, checkboxChecked: answer.checkbox ?? false });
  }

  askPassphrase(prompt: PassphrasePrompt): Promise<string | null> {
    this.asked.push({ kind: 'passphrase', prompt });
    return Promise.resolve(this.take('passphrase')?.value ?? null);
  }

  chooseSaveFile(prompt: FilePrompt): Promise<string | null> {
    this.asked.push({ kind: 'save-file', prompt });
    return Promise.resolve(this.take('save-file')?.path ?? null);
  }

  chooseOpenFile(prompt: FilePrompt): Promise<string | null> {
    this.asked.push({ kind: 'open-file', prompt });
    return Promise.resolve(this.take('open-file')?.path ?? null);
  }

  private take<K extends ScriptedAnswer['kind']>(kind: K): Extract<ScriptedAnswer, { kind: K }> | undefined {
    const next = this.answers[0];
    if (next === undefined) return undefined;
    if (next.kind !== kind) throw new Error(`Main asked for a ${kind} dialog, but the script's next answer is for a ${next.kind} dialog.`);
    this.answers.shift();
    return next as Extract<ScriptedAnswer, { kind: K }>;
  }
}
