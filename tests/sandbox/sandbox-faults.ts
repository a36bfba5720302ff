/** Faults the sandbox can inject into token requests, and the queue that decides which one applies. */

export type SandboxFault =
  | 'html-500'
  | 'unavailable-503'
  | 'hang'
  | 'reset'
  | 'non-json-200'
  | 'missing-fields-200'
  /** The server does the work (a refresh rotates the token) but the connection drops before the answer (= processed reset). */
  | 'lost-answer'
  | { kind: 'slow'; delayMs: number };

export interface FaultOptions {
  /**
   * Whether the server acts on the request before the fault hits (a refresh rotates the token, an exchange issues
   * tokens that never arrive). True by default: the strict case a client must survive without replaying. False
   * models a proxy failing before the origin saw anything.
   */
  processed?: boolean;
  /** Only requests whose Basic header names this e-mail (case-insensitive); all requests when omitted. */
  email?: string;
  /** How many requests the fault applies to; until cleared when omitted. */
  times?: number;
}

export interface FaultRule {
  fault: SandboxFault;
  processed: boolean;
  emailKey: string | undefined;
  remaining: number | undefined;
}

/** First matching rule in injection order wins, so `times`-limited faults injected in sequence play in sequence. */
export class FaultQueue {
  private rules: FaultRule[] = [];

  add(fault: SandboxFault, options: FaultOptions = {}): void {
    if (options.times !== undefined && !(Number.isInteger(options.times) && options.times > 0)) {
      throw new Error(`Sandbox: fault times must be a positive integer, got ${String(options.times)}.`);
    }
    if (typeof fault === 'object' && !(Number.isFinite(fault.delayMs) && fault.delayMs >= 0)) {
      throw new Error(`Sandbox: slow fault delayMs must be a non-negative number, got ${String(fault.delayMs)}.`);
    }
    this.rules.push({ fault, processed: options.processed ?? true, emailKey: options.email?.toLowerCase(), remaining: options.times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for one request (consuming one of its `times`), or null. */
  take(emailKey: string | null): Pick<FaultRule, 'fault' | 'processed'> | null {
    const index = this.rules.findIndex((rule) => rule.emailKey === undefined || rule.emailKey === emailKey);
    const rule = this.rules[index];
    if (rule === undefined) return null;
    if (rule.remaining !== undefined) {
      rule.remaining -= 1;
      if (rule.remaining === 0) this.rules.splice(index, 1);
    }
    return { fault: rule.fault, processed: rule.processed };
  }
}
