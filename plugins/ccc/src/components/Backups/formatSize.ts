const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** A byte count for people: "512 B", "1.5 MB" (binary steps of 1024, one decimal from KB on). */
export function formatSize(bytes: number, locale?: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
