import assert from 'node:assert/strict';
import type { TrayMenuEntry } from '../../electron/core/app/tray-menu-model';

/** The labels of a menu level, separators as '---': what a user reads, in order. */
export function labels(entries: TrayMenuEntry[]): string[] {
  return entries.map((entry) => (entry.kind === 'separator' ? '---' : entry.label));
}

/** The entries of the submenu with this label (fails the test when there is none). */
export function submenu(entries: TrayMenuEntry[], label: string): TrayMenuEntry[] {
  const found = entries.find((entry) => entry.kind === 'submenu' && entry.label === label);
  assert.ok(found?.kind === 'submenu', `submenu "${label}" in ${JSON.stringify(labels(entries))}`);
  return found.entries;
}
