import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GroupCommit } from '../../electron/core/vault/group-commit';

/** A persist function whose writes finish only when the test says so. */
function controlledDisk(): {
  persist(text: string): Promise<void>;
  started: string[];
  startedAt: number[];
  finishNext(error?: Error): void;
  waitForStart(count: number): Promise<void>;
} {
  const started: string[] = [];
  const startedAt: number[] = [];
  const finishers: ((error?: Error) => void)[] = [];
  const startWaiters: (() => void)[] = [];
  return {
    started,
    startedAt,
    persist(text) {
      started.push(text);
      startedAt.push(performance.now());
      for (const wake of startWaiters.splice(0)) wake();
      return new Promise<void>((resolve, reject) => finishers.push((error) => (error ? reject(error) : resolve())));
    },
    finishNext(error) {
      const finish = finishers.shift();
      assert.ok(finish, 'a write is in progress');
      finish(error);
    },
    async waitForStart(count) {
      while (started.length < count) await new Promise<void>((resolve) => startWaiters.push(resolve));
    },
  };
}

function settledFlags(promises: Promise<void>[]): { settled: boolean[] } {
  const state = { settled: promises.map(() => false) };
  promises.forEach((promise, index) => {
    const mark = (): void => {
      state.settled[index] = true;
    };
    void promise.then(mark, mark);
  });
  return state;
}

describe('GroupCommit', () => {
  it('puts changes made during a write into ONE next write, and resolves each caller only when its own write is done', async () => {
    let version = 0;
    const disk = controlledDisk();
    const commits = new GroupCommit(() => `v${version}`, (text) => disk.persist(text), 1);

    version = 1;
    const first = commits.commit();
    await disk.waitForStart(1);
    assert.deepEqual(disk.started, ['v1']);

    // While v1 is being written, 500 more changes arrive.
    const during: Promise<void>[] = [];
    for (let index = 0; index < 500; index += 1) {
      version += 1;
      during.push(commits.commit());
    }
    const duringState = settledFlags(during);
    const firstState = settledFlags([first]);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(disk.started, ['v1'], 'no second write starts while the first is in progress');
    assert.equal(firstState.settled[0], false, 'not resolved before its write is durable');

    disk.finishNext();
    await first;
    assert.ok(duringState.settled.every((settled) => !settled), 'later changes are not durable yet');
    await disk.waitForStart(2);
    assert.deepEqual(disk.started, ['v1', 'v501'], 'the 500 changes share one write holding the latest state');
    disk.finishNext();
    await Promise.all(during);
  });

  it('rejects exactly the callers whose write failed; the next write carries their changes again', async () => {
    let version = 0;
    const disk = controlledDisk();
    const commits = new GroupCommit(() => `v${version}`, (text) => disk.persist(text), 1);
    version = 1;
    const failing = commits.commit();
    await disk.waitForStart(1);
    disk.finishNext(new Error('ENOSPC: no space left on device'));
    await assert.rejects(failing, /ENOSPC/u);

    version = 2;
    const next = commits.commit();
    await disk.waitForStart(2);
    assert.equal(disk.started[1], 'v2');
    disk.finishNext();
    await next;
  });

  it('flush waits for the write in progress and for pending changes, and resolves at once when idle', async () => {
    const disk = controlledDisk();
    const commits = new GroupCommit(() => 'state', (text) => disk.persist(text), 1);
    await commits.flush();
    assert.deepEqual(disk.started, []);

    const saved = commits.commit();
    const flushed = commits.flush();
    const flushState = settledFlags([flushed]);
    await disk.waitForStart(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(flushState.settled[0], false);
    disk.finishNext();
    await Promise.all([saved, flushed]);
    assert.equal(disk.started.length, 1, 'flush joined the pending write instead of adding one');
  });

  it('writes at once on an idle file (every change of the same turn in that write); under a burst, write starts keep the interval', async () => {
    let version = 0;
    const disk = controlledDisk();
    const intervalMs = 200;
    const commits = new GroupCommit(() => `v${version}`, (text) => disk.persist(text), intervalMs);

    const marks: Promise<void>[] = [];
    for (let index = 0; index < 1000; index += 1) {
      version += 1;
      marks.push(commits.commit());
    }
    // No timer is waited for: the write starts right after this turn (a timeout here would mean it waited).
    await Promise.race([disk.waitForStart(1), new Promise((_, reject) => setTimeout(() => reject(new Error('the first write waited for a timer')), intervalMs / 2))]);
    assert.deepEqual(disk.started, ['v1000'], 'the 1,000 changes of one turn share the first write');
    disk.finishNext();
    await Promise.all(marks);

    version += 1;
    const next = commits.commit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(disk.started.length, 1, 'a burst does not start a write per change');
    await disk.waitForStart(2);
    // Timers may fire up to a millisecond early: the bound allows for it.
    const [firstStart, secondStart] = disk.startedAt;
    assert.ok(firstStart !== undefined && secondStart !== undefined);
    assert.ok(secondStart - firstStart >= intervalMs - 2, `the second write started ${secondStart - firstStart} ms after the first, no sooner than the interval`);
    assert.equal(disk.started[1], 'v1001');
    disk.finishNext();
    await next;
  });

  it('counts an exclusive job (a whole-file rewrite) as a write start: a save right after it keeps the interval', async () => {
    const disk = controlledDisk();
    const intervalMs = 200;
    const commits = new GroupCommit(() => 'state', (text) => disk.persist(text), intervalMs);
    let rewriteStartedAt = 0;
    await commits.exclusive(() => {
      rewriteStartedAt = performance.now();
      return Promise.resolve();
    });

    const saved = commits.commit();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(disk.started.length, 0, 'the save waits for the rest of the interval after the rewrite');
    await disk.waitForStart(1);
    const [start] = disk.startedAt;
    assert.ok(start !== undefined);
    assert.ok(start - rewriteStartedAt >= intervalMs - 2, `the write started ${start - rewriteStartedAt} ms after the rewrite, no sooner than the interval`);
    disk.finishNext();
    await saved;
  });
});
