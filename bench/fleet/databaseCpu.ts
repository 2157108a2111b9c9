/*
 * CPU used by the PostgreSQL server for one benchmark database: the sum of
 * the CPU times, read from /proc, of the server processes serving its
 * connections. Only possible when the server runs on this machine (Linux);
 * otherwise there is no figure. Shared server processes (WAL writer,
 * checkpointer) are not counted.
 */
import { readFileSync } from 'node:fs';
import { BenchDatabase } from './databases';

// Linux reports process times in clock ticks; 100 a second on every common platform.
const TICKS_PER_SECOND = 100;

/** CPU seconds per server process, by pid. */
export type ServerCpuSnapshot = Map<number, number>;

function processCpuSeconds(pid: number): number | undefined {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return undefined;
    // The command name (2nd field) may hold spaces; the fields after its closing parenthesis do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The server processes of this database's connections now, or undefined when they cannot be read. */
export async function serverCpuSnapshot(db: BenchDatabase): Promise<ServerCpuSnapshot | undefined> {
  if (db.label !== 'PostgreSQL') return undefined;
  const host = new URL(String(db.config.connection)).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) return undefined;
  const { rows } = await db.knex.raw('select pid from pg_stat_activity where datname = current_database()');
  const snapshot: ServerCpuSnapshot = new Map();
  for (const { pid } of rows as Array<{ pid: number }>) {
    const cpu = processCpuSeconds(pid);
    if (cpu !== undefined) snapshot.set(pid, cpu);
  }
  return snapshot.size > 0 ? snapshot : undefined;
}

/** CPU seconds the server spent between two snapshots (connections opened meanwhile count from zero). */
export function serverCpuBetween(before: ServerCpuSnapshot | undefined, after: ServerCpuSnapshot | undefined): number | undefined {
  if (!before || !after) return undefined;
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}
