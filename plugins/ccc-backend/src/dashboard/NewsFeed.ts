import { CccNewsItem } from '@internal/plugin-ccc-common';
import { z } from 'zod';

// JSON Feed 1.1 (jsonfeed.org): a small, documented format any CMS can publish.
const feedSchema = z.object({
  items: z
    .array(
      z.object({
        title: z.string().optional(),
        url: z.string().optional(),
        date_published: z.string().optional(),
        summary: z.string().optional(),
        content_text: z.string().optional(),
      }),
    )
    .max(1000),
});

const CACHE_MS = 15 * 60_000;
const MAX_ITEMS = 20;

/**
 * Reads the dashboard news from a JSON Feed URL (`ccc.news.url`), with a
 * timeout and a cache, so a slow or broken news source never slows the
 * dashboard down; its failure is shown as a sentence, not an error page.
 */
export class NewsFeed {
  #cached?: { at: number; items: CccNewsItem[]; error: string | null };

  constructor(
    private readonly url: string | undefined,
    private readonly fetchFn: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** The newest items, or none with the reason. */
  async read(): Promise<{ items: CccNewsItem[]; error: string | null }> {
    if (!this.url) return { items: [], error: null };
    if (this.#cached && this.now() - this.#cached.at < CACHE_MS) return this.#cached;
    let result: { items: CccNewsItem[]; error: string | null };
    try {
      const res = await this.fetchFn(this.url, { signal: AbortSignal.timeout(5000), headers: { Accept: 'application/feed+json, application/json' } });
      if (!res.ok) throw new Error(`the news source answered ${res.status}`);
      const feed = feedSchema.safeParse(await res.json());
      if (!feed.success) throw new Error('the news source did not send a JSON Feed');
      result = {
        error: null,
        items: feed.data.items.slice(0, MAX_ITEMS).map(item => ({
          title: item.title ?? item.summary ?? item.content_text?.slice(0, 80) ?? '',
          // Only web links: a feed must not be able to plant javascript: URLs in the page.
          url: item.url && /^https?:\/\//.test(item.url) ? item.url : null,
          publishedAt: item.date_published && !Number.isNaN(Date.parse(item.date_published)) ? item.date_published : null,
          summary: item.summary ?? item.content_text ?? null,
        })),
      };
    } catch (error) {
      result = { items: [], error: `News could not be read: ${(error as Error).message}` };
    }
    this.#cached = { at: this.now(), ...result };
    return result;
  }
}
