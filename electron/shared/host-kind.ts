import { LEGACY_HOST, PRODUCTION_HOST } from './host-policy';

export type HostKind = 'production' | 'legacy' | 'custom';

/** The badge shown next to a host. prd.winbooksapis.be/wow/v2 is the current API base; rapi.winbooksonweb.be the older documented one. */
export function hostKind(host: string): HostKind {
  if (host === PRODUCTION_HOST) return 'production';
  if (host === LEGACY_HOST) return 'legacy';
  return 'custom';
}
