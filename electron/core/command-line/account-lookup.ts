import type { AccountSummary } from '../../shared/account-summary';

/** Finds the account a person named on the command line: by label, else by e-mail, ignoring case. */

export type AccountLookup =
  | { kind: 'found'; account: AccountSummary }
  | { kind: 'ambiguous'; labels: string[] }
  | { kind: 'not-found'; suggestions: string[] };

const MAX_SUGGESTIONS = 3;

export function findAccount(accounts: readonly AccountSummary[], query: string): AccountLookup {
  const key = query.trim().toLowerCase();
  for (const field of ['label', 'email'] as const) {
    const matches = accounts.filter((account) => account[field].toLowerCase() === key);
    const [first] = matches;
    if (matches.length === 1 && first) return { kind: 'found', account: first };
    if (matches.length > 1) return { kind: 'ambiguous', labels: matches.map((account) => account.label) };
  }
  return { kind: 'not-found', suggestions: closestLabels(accounts, key) };
}

/** Labels whose label or e-mail is within a few typos of the query (or contains it), closest first. */
export function closestLabels(accounts: readonly AccountSummary[], query: string): string[] {
  const key = query.trim().toLowerCase();
  if (key === '') return [];
  const tolerance = Math.max(2, Math.floor(key.length / 3));
  return accounts
    .map((account) => ({ label: account.label, distance: distanceTo(key, account) }))
    .filter((candidate) => candidate.distance <= tolerance)
    .sort((a, b) => a.distance - b.distance || a.label.localeCompare(b.label))
    .slice(0, MAX_SUGGESTIONS)
    .map((candidate) => candidate.label);
}

function distanceTo(key: string, account: AccountSummary): number {
  const label = account.label.toLowerCase();
  const email = account.email.toLowerCase();
  if (label.includes(key) || email.includes(key)) return 1;
  return Math.min(levenshtein(key, label), levenshtein(key, email), levenshtein(key, email.split('@')[0] ?? email));
}

/** Edits (insert, delete, substitute) needed to turn a into b. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
