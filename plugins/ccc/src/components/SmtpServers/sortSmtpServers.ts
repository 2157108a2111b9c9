import { CccSmtpServer } from '@internal/plugin-ccc-common';

/** Columns the SMTP server table sorts by. */
export type SmtpSortKey = 'name' | 'host' | 'port' | 'sender' | 'recipient' | 'isDefault' | 'systemCount';

/** Sort column and direction. */
export interface SmtpOrder {
  key: SmtpSortKey;
  direction: 'asc' | 'desc';
}

/** Servers whose name, address, user name, sender or recipient contains the filter text (case-insensitive). */
export function filterSmtpServers(servers: readonly CccSmtpServer[], filter: string): CccSmtpServer[] {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return [...servers];
  return servers.filter(server =>
    [server.name, server.host, server.username ?? '', server.sender, server.recipient].some(text =>
      text.toLocaleLowerCase().includes(needle),
    ),
  );
}

const byName = (a: CccSmtpServer, b: CccSmtpServer) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

function compare(a: CccSmtpServer, b: CccSmtpServer, key: SmtpSortKey): number {
  switch (key) {
    case 'port':
    case 'systemCount':
      return a[key] - b[key];
    case 'isDefault':
      // Ascending puts the default server first: that is what one looks for.
      return Number(b.isDefault) - Number(a.isDefault);
    default:
      return a[key].localeCompare(b[key], undefined, { sensitivity: 'base' });
  }
}

/** A sorted copy; ties keep name order so the table does not jump. */
export function sortSmtpServers(servers: readonly CccSmtpServer[], order: SmtpOrder): CccSmtpServer[] {
  const sign = order.direction === 'asc' ? 1 : -1;
  return [...servers].sort((a, b) => sign * compare(a, b, order.key) || byName(a, b));
}
