/**
 * The COMtrexx serial-number format is not public. The CCC accepts 10 to 12
 * upper-case letters and digits, which covers the values shown on the device
 * dashboard as far as they are known; input is trimmed and upper-cased first.
 */
export const SERIAL_NUMBER_PATTERN = /^[A-Z0-9]{10,12}$/;

/** Normalises user input of a serial number (trim, upper case). */
export function normalizeSerialNumber(input: string): string {
  return input.trim().toUpperCase();
}

/** Whether a (normalised) serial number has an acceptable format. */
export function isValidSerialNumber(serial: string): boolean {
  return SERIAL_NUMBER_PATTERN.test(serial);
}
