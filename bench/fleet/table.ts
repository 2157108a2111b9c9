/* Output helpers of the fleet benchmark: Markdown tables, so the README can quote them as printed. */

/** Prints a Markdown table; columns after the first two are right-aligned unless they hold text. */
export function printTable(header: string[], rows: string[][]): void {
  const textColumns = new Set(header.map((_, i) => i).filter(i => i < 2 || rows.every(r => !/^[-×\d.,/ ]*$/.test(r[i]))));
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map((_, i) => (textColumns.has(i) ? '---' : '---:')).join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Seconds with two decimals. */
export function seconds(value: number): string {
  return value.toFixed(2);
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return Number.isNaN(value) ? '-' : value.toFixed(1);
}
