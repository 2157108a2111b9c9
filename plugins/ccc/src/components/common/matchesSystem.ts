import { CccSystem } from '@internal/plugin-ccc-common';

/** Whether a system's name or serial number contains `text` (case-insensitive); empty text matches every system. */
export function matchesSystem(system: Pick<CccSystem, 'name' | 'serialNumber'>, text: string): boolean {
  const needle = text.trim().toLowerCase();
  return (
    !needle || system.name.toLowerCase().includes(needle) || system.serialNumber.toLowerCase().includes(needle)
  );
}
