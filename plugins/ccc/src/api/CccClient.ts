import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CCC_PLUGIN_ID, CccHealth, cccHealthSchema } from '@internal/plugin-ccc-common';
import { CccApi } from './CccApi';

/** Talks to `/api/ccc` through the app's discovery and (authenticating) fetch APIs. */
export class CccClient implements CccApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<CccHealth> {
    const baseUrl = await this.discoveryApi.getBaseUrl(CCC_PLUGIN_ID);
    const res = await this.fetchApi.fetch(`${baseUrl}/health`);
    // 503 still carries a health report (database down); only other failures are errors.
    if (!res.ok && res.status !== 503) {
      throw await ResponseError.fromResponse(res);
    }
    return cccHealthSchema.parse(await res.json());
  }
}
