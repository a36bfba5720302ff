import { LEGACY_HOST, PRODUCTION_HOST, hostKind } from '../../electron/shared/account-input';
import type { HostKind } from '../../electron/shared/account-input';

/** The host picker: the two known Winbooks bases, or an address typed by the user. */
export interface HostChoice {
  kind: HostKind;
  custom: string;
}

export const DEFAULT_HOST_CHOICE: HostChoice = { kind: 'production', custom: '' };

export function hostFromChoice(choice: HostChoice): string {
  if (choice.kind === 'production') return PRODUCTION_HOST;
  if (choice.kind === 'legacy') return LEGACY_HOST;
  return choice.custom;
}

export function choiceFromHost(host: string): HostChoice {
  const kind = hostKind(host);
  return { kind, custom: kind === 'custom' ? host : '' };
}
