import type { ClipboardPort } from '../../electron/core/app/clipboard-guard';

/** The clipboard of the harness: kept in memory so tests can check what a copy wrote (never printed). */
export class MemoryClipboard implements ClipboardPort {
  private text = '';
  writes = 0;

  /** `onWrite` lets the dev harness say what a copy wrote (it shows gateway URLs only, never a token). */
  constructor(private readonly onWrite?: (text: string) => void) {}

  writeText(text: string): Promise<void> {
    this.text = text;
    this.writes += 1;
    this.onWrite?.(text);
    return Promise.resolve();
  }

  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }

  clear(): void {
    this.text = '';
  }

  current(): string {
    return this.text;
  }
}
