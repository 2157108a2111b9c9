import { CccGrant } from '@internal/plugin-ccc-common';

/** Identifies a grant: one subject on one system. */
export const grantKey = (grant: Pick<CccGrant, 'systemId' | 'subjectRef'>) => `${grant.systemId}|${grant.subjectRef}`;

/** Grants whose system name, serial number or subject contains the filter text (case-insensitive). */
export function filterGrants(grants: readonly CccGrant[], filter: string): CccGrant[] {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return [...grants];
  return grants.filter(grant =>
    [grant.systemName, grant.serialNumber, grant.subjectRef].some(text => text.toLocaleLowerCase().includes(needle)),
  );
}
