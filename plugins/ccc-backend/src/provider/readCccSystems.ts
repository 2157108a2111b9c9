import type { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CCC_PLUGIN_ID, type CccSystem } from '@internal/plugin-ccc-common';

/** What one read of the ccc backend gave: the systems and the base URL they were read from. */
export interface CccSystemsSnapshot {
  /** Base URL of the ccc backend, e.g. `http://localhost:7007/api/ccc`. */
  baseUrl: string;
  systems: CccSystem[];
}

/** Options of {@link readCccSystems}. */
export interface ReadCccSystemsOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** Aborts the request, e.g. when the scheduler cancels the task. */
  signal?: AbortSignal;
}

// The fields the transformer cannot do without. A list with an item lacking
// one of them means a mismatch with the ccc backend; rejecting the whole list
// keeps the catalog as it is, where dropping the item would delete its entity.
const REQUIRED_STRING_FIELDS = ['id', 'name', 'serialNumber', 'catalogOwnerRef'] as const;

function assertSystemList(body: unknown, url: string): asserts body is { items: CccSystem[] } {
  const items = (body as { items?: unknown } | null)?.items;
  if (typeof body !== 'object' || body === null || !Array.isArray(items)) {
    throw new Error(`Unexpected answer from ${url}: expected an object with an "items" array`);
  }
  items.forEach((item, index) => {
    const missing = REQUIRED_STRING_FIELDS.filter(
      field => typeof (item as Record<string, unknown> | null)?.[field] !== 'string',
    );
    if (missing.length > 0) {
      throw new Error(`Unexpected answer from ${url}: items[${index}] lacks ${missing.join(', ')}`);
    }
  });
}

/** Reads every registered COMtrexx from the ccc backend (`GET /systems`) with the caller's own service token. */
export async function readCccSystems(options: ReadCccSystemsOptions): Promise<CccSystemsSnapshot> {
  const { auth, discovery, signal } = options;

  // The caller is a catalog module: it acts as its own service, not for a user,
  // and the token is scoped to the ccc plugin.
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: CCC_PLUGIN_ID,
  });
  const baseUrl = await discovery.getBaseUrl(CCC_PLUGIN_ID);
  const url = `${baseUrl}/systems`;

  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal,
  });
  if (!res.ok) {
    throw await ResponseError.fromResponse(res);
  }

  let body: unknown;
  try {
    body = await res.json();
  } catch (error) {
    throw new Error(`Unexpected answer from ${url}: the body is not JSON (${String(error)})`);
  }
  assertSystemList(body, url);
  return { baseUrl, systems: body.items };
}
