/** Wall time (ms) and this process's CPU time (ms, user + system) of one async operation. */
export interface Cost {
  wallMs: number;
  cpuMs: number;
}

export async function measure(operation: () => Promise<unknown>): Promise<Cost> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await operation();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Runs the two sides of a run in alternating order, so drift over the run does not favour either side. */
export async function alternate<A, B>(run: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  if (run % 2 === 0) {
    const a = await first();
    return [a, await second()];
  }
  const b = await second();
  return [await first(), b];
}

/**
 * Both sides twice in mirrored order (A B B A, or B A A B on odd runs): a linear drift of the machine's speed
 * during the run weighs equally on both sums. Returns the sums.
 */
export async function mirrored(run: number, first: () => Promise<Cost>, second: () => Promise<Cost>): Promise<[Cost, Cost]> {
  const [a1, b1] = await alternate(run, first, second);
  const [a2, b2] = await alternate(run + 1, first, second);
  return [addCosts(a1, a2), addCosts(b1, b2)];
}

/**
 * Any number of sides, each twice, in mirrored order (A B C C B A; the reverse on odd runs), so a linear drift
 * weighs equally on every side. Returns the sums in the order of `sides`.
 */
export async function mirroredAll(run: number, sides: Array<() => Promise<Cost>>): Promise<Cost[]> {
  const order = sides.map((_, index) => index);
  if (run % 2 === 1) order.reverse();
  const sums: Cost[] = sides.map(() => ({ wallMs: 0, cpuMs: 0 }));
  for (const index of [...order, ...[...order].reverse()]) {
    const side = sides[index];
    if (side === undefined) continue;
    const cost = await side();
    sums[index] = addCosts(sums[index] ?? { wallMs: 0, cpuMs: 0 }, cost);
  }
  return sums;
}

export function addCosts(a: Cost, b: Cost): Cost {
  return { wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs };
}

/** Lets timers, pending I/O and a garbage collection (when exposed) settle between measurements. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  (globalThis as { gc?: () => void }).gc?.();
}
