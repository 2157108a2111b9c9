import { ResponseError } from '@backstage/errors';
import { CccClient } from './CccClient';

const base = 'http://backend/api/ccc';
const systemId = '7d1f4c1e-0f6a-4c55-9b39-9d0f5c1a2b3c';

/** A client whose fetch records each request and answers with `response`. */
function clientAnswering(response: () => Response) {
  const calls: Array<{ url: string; method: string; body?: unknown }> = [];
  const fetchApi = {
    fetch: jest.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET', body: init?.body });
      return response();
    }),
  };
  const discoveryApi = { getBaseUrl: jest.fn(async () => base) };
  return { client: new CccClient({ discoveryApi, fetchApi: fetchApi as any }), calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const page = { items: [], totalCount: 0, nextCursor: null, masked: false };

describe('CccClient call data', () => {
  it('lists with the backend defaults when nothing is chosen', async () => {
    const { client, calls } = clientAnswering(() => json(page));
    await expect(client.listCallData(systemId)).resolves.toEqual(page);
    expect(calls).toEqual([{ url: `${base}/systems/${systemId}/calldata`, method: 'GET', body: undefined }]);
  });

  it('sends filters, sort and keyset cursor as query parameters', async () => {
    const { client, calls } = clientAnswering(() => json(page));
    await client.listCallData(systemId, {
      q: ' Müller & Co ',
      from: '2026-11-01T07:00:00.000Z',
      to: '2026-11-02T07:00:00.000Z',
      direction: 'incoming',
      success: false,
      extension: '21',
      sort: 'startAt',
      order: 'desc',
      limit: 50,
      cursor: 'eyJzIjoiMjAyNi0xMS0yNyJ9',
    });
    const url = new URL(calls[0].url);
    expect(url.pathname).toBe(`/api/ccc/systems/${systemId}/calldata`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'Müller & Co',
      from: '2026-11-01T07:00:00.000Z',
      to: '2026-11-02T07:00:00.000Z',
      direction: 'incoming',
      success: 'false',
      extension: '21',
      sort: 'startAt',
      order: 'desc',
      limit: '50',
      cursor: 'eyJzIjoiMjAyNi0xMS0yNyJ9',
    });
  });

  it('pages other sorts by offset and leaves out empty texts', async () => {
    const { client, calls } = clientAnswering(() => json(page));
    await client.listCallData(systemId, { q: '  ', extension: '', sort: 'duration', order: 'asc', offset: 100 });
    expect(calls[0].url).toBe(`${base}/systems/${systemId}/calldata?sort=duration&order=asc&offset=100`);
  });

  it('exports with acknowledge=true and returns the file', async () => {
    const csv = '\uFEFFDatum/Uhrzeit;Dauer\r\n';
    const { client, calls } = clientAnswering(
      () => new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
    );
    const blob = await client.exportCallData(systemId, { success: true, direction: 'outgoing', acknowledge: true });
    expect(calls).toEqual([
      {
        url: `${base}/systems/${systemId}/calldata/export.csv?direction=outgoing&success=true&acknowledge=true`,
        method: 'GET',
        body: undefined,
      },
    ]);
    expect(blob.type).toMatch(/^text\/csv/);
    // Byte for byte, BOM included (text() would drop it while decoding).
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new TextEncoder().encode(csv));
  });

  it("throws the backend's refusal of an export as a ResponseError", async () => {
    const message = 'Acknowledge the legal notice on call data first (send acknowledge=true): …';
    const { client } = clientAnswering(() =>
      json({ error: { name: 'InputError', message }, response: { statusCode: 400 } }, 400),
    );
    const error = await client.exportCallData(systemId, { acknowledge: true }).catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).statusCode).toBe(400);
    expect((error as ResponseError).cause.message).toBe(message);
  });
});
