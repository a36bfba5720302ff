import type { Page } from 'playwright';

export interface ContrastFinding {
  selector: string;
  text: string;
  ratio: number;
}

/**
 * Runs in the page. Plain JavaScript text on purpose: functions compiled by tsx carry helpers (__name) that
 * do not exist in the page.
 */
const CONTRAST_SCRIPT = `(({ selectors, minimum }) => {
  function parse(color) {
    const parts = (color.match(/[\\d.]+/g) || []).map(Number);
    return [parts[0] || 0, parts[1] || 0, parts[2] || 0, parts[3] === undefined ? 1 : parts[3]];
  }
  function channel(value) {
    const s = value / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  }
  function luminance(c) {
    return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  }
  function background(element) {
    for (let node = element; node !== null; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color[3] >= 0.99) return color;
    }
    return parse(getComputedStyle(document.documentElement).backgroundColor);
  }
  const findings = [];
  for (const selector of selectors) {
    for (const element of document.querySelectorAll(selector)) {
      const style = getComputedStyle(element);
      const text = (element.textContent || '').trim();
      if (style.visibility === 'hidden' || style.display === 'none' || text === '' || element.closest('.visually-hidden')) continue;
      if (element.disabled || element.closest('[inert]')) continue;
      const fg = luminance(parse(style.color));
      const bg = luminance(background(element));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < minimum) findings.push({ selector, text: text.slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
    }
  }
  return findings;
})`;

/**
 * WCAG 2 contrast of the text of every element matching the selectors against its effective background
 * (the first opaque background among its ancestors). Returns those below the minimum (4.5:1, normal text).
 */
export async function lowContrastText(page: Page, selectors: string[], minimum = 4.5): Promise<ContrastFinding[]> {
  return page.evaluate<ContrastFinding[]>(`${CONTRAST_SCRIPT}(${JSON.stringify({ selectors, minimum })})`);
}
