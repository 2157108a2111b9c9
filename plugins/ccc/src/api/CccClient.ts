import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CCC_PLUGIN_ID,
  CccAuditEvent,
  CccGrant,
  CccHealth,
  cccHealthSchema,
  CccSystem,
  CccUserGroup,
  CccUserGroupDetails,
  GrantableRole,
  PairingToken,
  RegisterSystemRequest,
  RegisterSystemResponse,
  UpdateSystemRequest,
} from '@internal/plugin-ccc-common';
import { AuditPage, CccApi, CccSystemAccess, CreateUserGroupRequest, GrantKey, UpdateUserGroupRequest } from './CccApi';

// Escapes ids used as path segments (entity refs, which contain a slash, travel in the query instead).
const enc = encodeURIComponent;

/** `?a=1&b=2` of the defined values, or nothing. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

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

  getAccess(systemId: string): Promise<CccSystemAccess> {
    return this.json(`/systems/${enc(systemId)}/access`);
  }

  setGrant(systemId: string, request: { subjectRef: string; roles: GrantableRole[] }): Promise<CccGrant> {
    return this.json(`/systems/${enc(systemId)}/grants`, { method: 'PUT', body: request });
  }

  async revokeGrant(systemId: string, subjectRef: string): Promise<void> {
    await this.json(`/systems/${enc(systemId)}/grants${query({ subjectRef })}`, { method: 'DELETE' });
  }

  async listMyGrants(): Promise<CccGrant[]> {
    return (await this.json<{ items: CccGrant[] }>('/grants')).items;
  }

  async deleteGrants(items: GrantKey[]): Promise<void> {
    await this.json('/grants/delete', { method: 'POST', body: { items } });
  }

  transferOwnership(systemId: string, ownerRef: string): Promise<{ ownerRef: string }> {
    return this.json(`/systems/${enc(systemId)}/owner`, { method: 'POST', body: { ownerRef } });
  }

  async listSystemAudit(systemId: string, page: AuditPage = {}): Promise<CccAuditEvent[]> {
    const path = `/systems/${enc(systemId)}/audit${query({ limit: page.limit, before: page.before })}`;
    return (await this.json<{ items: CccAuditEvent[] }>(path)).items;
  }

  async listFleetAudit(page: AuditPage = {}): Promise<CccAuditEvent[]> {
    return (await this.json<{ items: CccAuditEvent[] }>(`/audit${query({ limit: page.limit, before: page.before })}`))
      .items;
  }

  async listUserGroups(): Promise<CccUserGroup[]> {
    return (await this.json<{ items: CccUserGroup[] }>('/groups')).items;
  }

  createUserGroup(request: CreateUserGroupRequest): Promise<CccUserGroup> {
    return this.json('/groups', { method: 'POST', body: request });
  }

  getUserGroup(groupId: string): Promise<CccUserGroupDetails> {
    return this.json(`/groups/${enc(groupId)}`);
  }

  updateUserGroup(groupId: string, request: UpdateUserGroupRequest): Promise<CccUserGroup> {
    return this.json(`/groups/${enc(groupId)}`, { method: 'PATCH', body: request });
  }

  async deleteUserGroup(groupId: string): Promise<void> {
    await this.json(`/groups/${enc(groupId)}`, { method: 'DELETE' });
  }

  async deleteUserGroups(ids: string[]): Promise<void> {
    await this.json('/groups/delete', { method: 'POST', body: { ids } });
  }

  joinUserGroup(groupId: string): Promise<CccUserGroup> {
    return this.json(`/groups/${enc(groupId)}/join`, { method: 'POST' });
  }

  async leaveUserGroup(groupId: string): Promise<void> {
    await this.json(`/groups/${enc(groupId)}/leave`, { method: 'POST' });
  }

  setUserGroupMember(
    groupId: string,
    request: { memberRef: string; roles?: GrantableRole[] },
  ): Promise<CccUserGroupDetails> {
    return this.json(`/groups/${enc(groupId)}/members`, { method: 'PUT', body: request });
  }

  async removeUserGroupMember(groupId: string, memberRef: string): Promise<void> {
    await this.json(`/groups/${enc(groupId)}/members${query({ memberRef })}`, { method: 'DELETE' });
  }

  addUserGroupSystem(groupId: string, systemId: string): Promise<CccUserGroupDetails> {
    return this.json(`/groups/${enc(groupId)}/systems`, { method: 'PUT', body: { systemId } });
  }

  async removeUserGroupSystem(groupId: string, systemId: string): Promise<void> {
    await this.json(`/groups/${enc(groupId)}/systems/${enc(systemId)}`, { method: 'DELETE' });
  }

  // <backups> new entries of the backups work go above this line
  // <smtp> new entries of the smtp work go above this line
  // <monitoring> new entries of the monitoring work go above this line
  // <calldata> new entries of the calldata work go above this line

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
