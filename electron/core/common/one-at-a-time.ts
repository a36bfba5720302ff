/** Runs steps one after another, in the order they were asked for; a step that fails does not stop the next. */
export class OneAtATime {
  #last: Promise<unknown> = Promise.resolve();

  next<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#last.then(step);
    this.#last = run.catch(() => undefined);
    return run;
  }
}
