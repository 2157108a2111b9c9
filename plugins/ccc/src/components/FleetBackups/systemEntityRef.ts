/**
 * The catalog entity of a system as the CCC entity provider names it:
 * `resource:default/ccc-<serial number in lower case>` (see
 * `entityNameForSerialNumber` in the backend's provider).
 */
export function systemEntityRef(serialNumber: string): string {
  return `resource:default/ccc-${serialNumber.toLowerCase()}`;
}
