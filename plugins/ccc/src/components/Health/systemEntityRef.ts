import { CompoundEntityRef } from '@backstage/catalog-model';

/**
 * The catalog entity of a system. The CCC entity provider names it
 * `ccc-` plus the serial number in lower case (ccc-backend `transformSystem`).
 */
export function systemEntityRef(serialNumber: string): CompoundEntityRef {
  return { kind: 'resource', namespace: 'default', name: `ccc-${serialNumber.toLowerCase()}` };
}
