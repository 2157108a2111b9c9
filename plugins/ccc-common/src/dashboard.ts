import { DeviceState } from './systems';

/** One news item of the dashboard (manual: "News"). */
export interface CccNewsItem {
  title: string;
  url: string | null;
  publishedAt: string | null;
  summary: string | null;
}

/** The CCC dashboard: versions, the fleet at a glance and news (manual: "Dashboard"). */
export interface CccDashboard {
  /** Version of the CCC backend plugin. */
  version: string;
  /** Node.js version of the backend, for support requests. */
  runtime: string;
  /** Systems the user sees, by device state. */
  systemsByState: Partial<Record<DeviceState, number>>;
  /** News from `ccc.news.url`; empty when none is configured or it cannot be read. */
  news: CccNewsItem[];
  /** Why the news are missing, when a source is configured but failed. */
  newsError: string | null;
  /** Links to help and legal documents (`ccc.links`), or the defaults. */
  links: Array<{ title: string; url: string }>;
}
