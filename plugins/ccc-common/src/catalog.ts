/** Prefix of the catalog entity names the CCC entity provider emits. */
export const CCC_ENTITY_NAME_PREFIX = 'ccc-';

/** Catalog entity name of a system: `ccc-` plus its serial number in lower case. */
export function entityNameForSerialNumber(serialNumber: string): string {
  // The prefix keeps the names clear of entities that other providers or
  // locations own (a clash would be rejected as a conflicting entityRef).
  // Serial numbers are 10 to 12 letters and digits, so the result is always a
  // valid entity name well under the 63-character limit.
  return `${CCC_ENTITY_NAME_PREFIX}${serialNumber.toLowerCase()}`;
}

/** The catalog entity ref of a system, e.g. `resource:default/ccc-ctx000111222` (for links from the UI). */
export function systemEntityRef(serialNumber: string): string {
  return `resource:default/${entityNameForSerialNumber(serialNumber)}`;
}
