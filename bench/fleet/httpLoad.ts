/*
 * Runs load scenarios against the CCC backend from a child process (so the
 * load generator's own work is not on the backend's event loop) and the
 * matching plain-SQL baselines in this process, with the same bounds.
 */
import { ChildWorker } from './childWorker';
import { LoadBounds, LoadSummary, runLoad } from './load';

/** How long and how hard each scenario runs: the first bound reached ends it. */
export const LOAD_LEVELS: LoadBounds[] = [
  { concurrency: 1, maxRequests: 200, maxSeconds: 8 },
  { concurrency: 8, maxRequests: 1000, maxSeconds: 12 },
];

/** One line of a load table. */
export interface LoadRow {
  database: string;
  scenario: string;
  /** "HTTP" (through the backend) or "SQL" (the plain query through knex). */
  via: string;
  concurrency: number;
  summary: LoadSummary;
}

/** GETs `url` under each load level from a child process. */
export async function httpLoad(
  client: ChildWorker,
  url: string,
  headers: Record<string, string>,
): Promise<Array<{ concurrency: number; summary: LoadSummary }>> {
  const results = [];
  for (const bounds of LOAD_LEVELS) {
    const { summary } = await client.ask({ type: 'http-load', url, headers, bounds }, 'http-load');
    results.push({ concurrency: bounds.concurrency, summary });
  }
  return results;
}

/** Runs a query under each load level in this process. */
export async function sqlLoad(query: () => Promise<unknown>): Promise<Array<{ concurrency: number; summary: LoadSummary }>> {
  const results = [];
  for (const bounds of LOAD_LEVELS) {
    const summary = await runLoad(async () => {
      await query();
    }, bounds);
    results.push({ concurrency: bounds.concurrency, summary });
  }
  return results;
}

/** GETs and parses one answer, failing loudly: a benchmark of error answers would measure nothing. */
export async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
