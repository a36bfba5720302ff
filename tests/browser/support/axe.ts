import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright';

const require = createRequire(import.meta.url);
let source: string | null = null;

export interface AxeFinding {
  id: string;
  impact: string | null;
  targets: string[];
}

/** Injects axe-core into the page and returns every violation of WCAG 2.0-2.2 A/AA (and axe's best practices). */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  source ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(source);
  return page.evaluate<AxeFinding[]>(`window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }).then((result) =>
    result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, targets: violation.nodes.map((node) => String(node.target)) })))`);
}
