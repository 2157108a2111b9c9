import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CCC_PLUGIN_ID,
  CccHealth,
  cccHealthSchema,
  CccSystem,
  PairingToken,
  RegisterSystemRequest,
  RegisterSystemResponse,
  UpdateSystemRequest,
} from '@internal/plugin-ccc-common';
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
    const res = await this.fetch('/health');
    // 503 still carries a health report (database down); only other failures are errors.
    if (!res.ok && res.status !== 503) {
      throw await ResponseError.fromResponse(res);
    }
    return cccHealthSchema.parse(await res.json());
  }

  async listSystems(): Promise<CccSystem[]> {
    const body = await this.json<{ items: CccSystem[] }>('/systems');
    return body.items;
  }

  getSystem(id: string): Promise<CccSystem> {
    return this.json(`/systems/${encodeURIComponent(id)}`);
  }

  getSystemBySerial(serialNumber: string): Promise<CccSystem> {
    return this.json(`/systems/by-serial/${encodeURIComponent(serialNumber)}`);
  }

  registerSystem(request: RegisterSystemRequest): Promise<RegisterSystemResponse> {
    return this.json('/systems', { method: 'POST', body: request });
  }

  updateSystem(id: string, request: UpdateSystemRequest): Promise<CccSystem> {
    return this.json(`/systems/${encodeURIComponent(id)}`, { method: 'PATCH', body: request });
  }

  renewToken(id: string): Promise<PairingToken> {
    return this.json(`/systems/${encodeURIComponent(id)}/token`, { method: 'POST' });
  }

  async cancelToken(id: string): Promise<void> {
    await this.json(`/systems/${encodeURIComponent(id)}/token`, { method: 'DELETE' });
  }

  refreshSystem(id: string): Promise<CccSystem> {
    return this.json(`/systems/${encodeURIComponent(id)}/refresh`, { method: 'POST' });
  }

  async deleteSystem(id: string): Promise<void> {
    await this.json(`/systems/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  private async fetch(path: string, init?: { method?: string; body?: unknown }): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(CCC_PLUGIN_ID);
    return this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init?.method ?? 'GET',
      headers: init?.body !== undefined ? { 'Content-Type': 'application/json' } : undefined,
      body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  }

  private async json<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
    const res = await this.fetch(path, init);
    if (!res.ok) {
      // ResponseError carries the backend's message ("The serial number must be ...") for the UI.
      throw await ResponseError.fromResponse(res);
    }
    if (res.status === 204) {
      return undefined as T;
    }
    return (await res.json()) as T;
  }
}
