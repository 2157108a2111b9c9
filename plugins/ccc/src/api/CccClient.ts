import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  BackupInterval,
  CCC_PLUGIN_ID,
  CccAuditEvent,
  CccBackupOverview,
  CccDashboard,
  CccFirmwareOverview,
  CccFleetBackupRow,
  CccGrant,
  CccHealth,
  cccHealthSchema,
  CccJob,
  CccRetention,
  CccRollout,
  CccRolloutDetails,
  CccRolloutPlan,
  CreateRolloutRequest,
  CccSmtpCheckResult,
  CccSmtpServer,
  CccSystem,
  CccSystemsPage,
  CccSystemSmtp,
  CccUserGroup,
  CccUserGroupDetails,
  GrantableRole,
  PairingToken,
  RegisterSystemRequest,
  RegisterSystemResponse,
  BulkRegistrationResult,
  SystemsQuery,
  UpdateSystemRequest,
} from '@internal/plugin-ccc-common';
import { AuditPage, CccApi, CccSystemAccess, CreateUserGroupRequest, GrantKey, UpdateUserGroupRequest } from './CccApi';
import {
  CallDataExportParams,
  CallDataFilters,
  CallDataListParams,
  CallDataStatisticsParams,
  CccCallDataPage,
  CccCallDataStatistics,
} from './callDataTypes';
import {
  CccAlertDelivery,
  CccSmtpServerList,
  CccWarningPage,
  CreateSmtpServerRequest,
  UpdateSmtpServerRequest,
  WarningListQuery,
} from './smtpTypes';
import {
  CccMonitoringSeries,
  CccPhone,
  CccRegistrationStatus,
  CccRemoteLink,
  CccRemoteSessionState,
  CccScorecard,
  CccTrunk,
  FleetStatusPage,
  FleetStatusQuery,
  MonitoringRange,
} from './monitoringTypes';

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

  getDashboard(): Promise<CccDashboard> {
    return this.json('/dashboard');
  }

  async listSystems(): Promise<CccSystem[]> {
    const body = await this.json<{ items: CccSystem[] }>('/systems');
    return body.items;
  }

  listSystemsPage(params: SystemsQuery): Promise<CccSystemsPage> {
    const { q, state, sort, order, limit, offset } = params;
    return this.json(`/systems${query({ q: q?.trim() || undefined, state, sort, order, limit, offset })}`);
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

  async registerSystems(requests: RegisterSystemRequest[]): Promise<BulkRegistrationResult[]> {
    return (await this.json<{ results: BulkRegistrationResult[] }>('/systems/bulk', { method: 'POST', body: { items: requests } }))
      .results;
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

  getBackups(systemId: string): Promise<CccBackupOverview> {
    return this.json(`/systems/${enc(systemId)}/backups`);
  }

  createBackup(systemId: string): Promise<CccJob> {
    return this.json(`/systems/${enc(systemId)}/backups`, { method: 'POST' });
  }

  deleteBackups(systemId: string, ids: string[]): Promise<{ deleted: string[] }> {
    return this.json(`/systems/${enc(systemId)}/backups/delete`, { method: 'POST', body: { ids } });
  }

  restoreBackup(systemId: string, backupId: string, options: { password?: string } = {}): Promise<CccJob> {
    // `confirm` is the backend's proof that the user saw the warning; the UI only calls this after its dialog.
    const body = options.password ? { confirm: true, password: options.password } : { confirm: true };
    return this.json(`/systems/${enc(systemId)}/backups/${enc(backupId)}/restore`, { method: 'POST', body });
  }

  setBackupSchedule(systemId: string, interval: BackupInterval): Promise<CccBackupOverview['schedule']> {
    return this.json(`/systems/${enc(systemId)}/backups/schedule`, { method: 'PUT', body: { interval } });
  }

  setBackupRetention(systemId: string, rule: Pick<CccRetention, 'keepLast' | 'keepDays'>): Promise<CccRetention> {
    const body = { keepLast: rule.keepLast, keepDays: rule.keepDays };
    return this.json(`/systems/${enc(systemId)}/backups/retention`, { method: 'PUT', body });
  }

  async listJobs(systemId: string, kind?: CccJob['kind']): Promise<CccJob[]> {
    return (await this.json<{ items: CccJob[] }>(`/systems/${enc(systemId)}/jobs${query({ kind })}`)).items;
  }

  getJob(systemId: string, jobId: string): Promise<CccJob> {
    return this.json(`/systems/${enc(systemId)}/jobs/${enc(jobId)}`);
  }

  getFirmware(systemId: string): Promise<CccFirmwareOverview> {
    return this.json(`/systems/${enc(systemId)}/firmware`);
  }

  startFirmwareUpdate(systemId: string): Promise<CccJob> {
    return this.json(`/systems/${enc(systemId)}/firmware/update`, { method: 'POST', body: { confirm: true } });
  }

  async listFleetBackups(): Promise<CccFleetBackupRow[]> {
    return (await this.json<{ items: CccFleetBackupRow[] }>('/backups')).items;
  }

  // <backups> new entries of the backups work go above this line
  listSmtpServers(): Promise<CccSmtpServerList> {
    return this.json('/smtp-servers');
  }

  createSmtpServer(request: CreateSmtpServerRequest): Promise<CccSmtpServer> {
    return this.json('/smtp-servers', { method: 'POST', body: request });
  }

  updateSmtpServer(id: string, request: UpdateSmtpServerRequest): Promise<CccSmtpServer> {
    return this.json(`/smtp-servers/${enc(id)}`, { method: 'PATCH', body: request });
  }

  async deleteSmtpServer(id: string): Promise<void> {
    await this.json(`/smtp-servers/${enc(id)}`, { method: 'DELETE' });
  }

  async deleteSmtpServers(ids: string[]): Promise<void> {
    await this.json('/smtp-servers/delete', { method: 'POST', body: { ids } });
  }

  checkSmtpServer(id: string): Promise<CccSmtpCheckResult> {
    return this.json(`/smtp-servers/${enc(id)}/check`, { method: 'POST' });
  }

  getSystemSmtp(systemId: string): Promise<CccSystemSmtp> {
    return this.json(`/systems/${enc(systemId)}/smtp`);
  }

  assignSystemSmtp(systemId: string, smtpServerId: string): Promise<CccSystemSmtp> {
    return this.json(`/systems/${enc(systemId)}/smtp`, { method: 'PUT', body: { smtpServerId } });
  }

  unassignSystemSmtp(systemId: string): Promise<CccSystemSmtp> {
    return this.json(`/systems/${enc(systemId)}/smtp`, { method: 'DELETE' });
  }

  listWarnings(systemId: string, filter: WarningListQuery = {}): Promise<CccWarningPage> {
    // `severity` repeats once per chosen class, which the shared query() helper cannot express.
    const search = new URLSearchParams();
    for (const severity of filter.severities ?? []) search.append('severity', severity);
    const q = filter.q?.trim();
    if (q) search.set('q', q);
    for (const key of ['sort', 'order', 'limit', 'offset'] as const) {
      if (filter[key] !== undefined) search.set(key, String(filter[key]));
    }
    const text = search.toString();
    return this.json(`/systems/${enc(systemId)}/warnings${text ? `?${text}` : ''}`);
  }

  async listAlertDeliveries(systemId: string): Promise<CccAlertDelivery[]> {
    return (await this.json<{ items: CccAlertDelivery[] }>(`/systems/${enc(systemId)}/alerts`)).items;
  }

  // <smtp> new entries of the smtp work go above this line
  getMonitoring(systemId: string, range: MonitoringRange): Promise<CccMonitoringSeries> {
    return this.json(`/systems/${enc(systemId)}/monitoring${query({ range })}`);
  }

  getRegistration(systemId: string): Promise<CccRegistrationStatus> {
    return this.json(`/systems/${enc(systemId)}/registration`);
  }

  listFleetPhones(filter: FleetStatusQuery = {}): Promise<FleetStatusPage<CccPhone>> {
    const { systemId, state, limit, offset } = filter;
    return this.json(`/phones${query({ systemId, state, limit, offset })}`);
  }

  listFleetTrunks(filter: FleetStatusQuery = {}): Promise<FleetStatusPage<CccTrunk>> {
    const { systemId, state, limit, offset } = filter;
    return this.json(`/trunks${query({ systemId, state, limit, offset })}`);
  }

  async listScorecards(): Promise<CccScorecard[]> {
    return (await this.json<{ items: CccScorecard[] }>('/scorecards')).items;
  }

  getScorecard(systemId: string): Promise<CccScorecard> {
    return this.json(`/systems/${enc(systemId)}/scorecard`);
  }

  async openRemoteSession(systemId: string): Promise<CccRemoteLink> {
    // The link opens in a new window, which sends cookies but no bearer token:
    // the backend must have set Backstage's user cookie before it is opened.
    await this.issueUserCookie();
    return this.json(`/systems/${enc(systemId)}/remote-session`, { method: 'POST' });
  }

  getRemoteSession(systemId: string): Promise<CccRemoteSessionState> {
    return this.json(`/systems/${enc(systemId)}/remote-session`);
  }

  async closeRemoteSession(systemId: string): Promise<void> {
    await this.json(`/systems/${enc(systemId)}/remote-session`, { method: 'DELETE' });
  }

  /** Asks the backend's well-known cookie endpoint (every Backstage plugin backend has it) for the user cookie. */
  private async issueUserCookie(): Promise<void> {
    const baseUrl = await this.discoveryApi.getBaseUrl(CCC_PLUGIN_ID);
    // `include` lets the browser store the cookie when the backend is on another origin than the app.
    const res = await this.fetchApi.fetch(`${baseUrl}/.backstage/auth/v1/cookie`, { credentials: 'include' });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
  }

  // <monitoring> new entries of the monitoring work go above this line
  listCallData(systemId: string, params: CallDataListParams = {}): Promise<CccCallDataPage> {
    const { sort, order, limit, offset, cursor, ...filters } = params;
    const search = query({ ...this.callDataFilterParams(filters), sort, order, limit, offset, cursor });
    return this.json(`/systems/${enc(systemId)}/calldata${search}`);
  }

  async exportCallData(systemId: string, params: CallDataExportParams): Promise<Blob> {
    const { order, acknowledge, ...filters } = params;
    const search = query({ ...this.callDataFilterParams(filters), order, acknowledge: String(acknowledge) });
    // A file, not JSON: read as a blob so the caller can save it under the export's name.
    const res = await this.fetch(`/systems/${enc(systemId)}/calldata/export.csv${search}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.blob();
  }

  listFleetCallData(params: CallDataListParams = {}): Promise<CccCallDataPage> {
    const { sort, order, limit, offset, cursor, ...filters } = params;
    const search = query({ ...this.callDataFilterParams(filters), sort, order, limit, offset, cursor });
    return this.json(`/calldata${search}`);
  }

  async exportFleetCallData(params: CallDataExportParams): Promise<Blob> {
    const { order, acknowledge, ...filters } = params;
    const search = query({ ...this.callDataFilterParams(filters), order, acknowledge: String(acknowledge) });
    const res = await this.fetch(`/calldata/export.csv${search}`);
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return res.blob();
  }

  getCallDataStatistics(systemId: string | null, params: CallDataStatisticsParams): Promise<CccCallDataStatistics> {
    const { timeZone, ...filters } = params;
    const search = query({ ...this.callDataFilterParams(filters), timeZone });
    return this.json(systemId === null ? `/calldata/statistics${search}` : `/systems/${enc(systemId)}/calldata/statistics${search}`);
  }

  /** The shared filters as query values; `success` travels as text, empty text filters are left out. */
  private callDataFilterParams(filters: CallDataFilters): Record<string, string | undefined> {
    return {
      q: filters.q?.trim() || undefined,
      from: filters.from,
      to: filters.to,
      direction: filters.direction,
      success: filters.success === undefined ? undefined : String(filters.success),
      extension: filters.extension?.trim() || undefined,
    };
  }

  // <calldata> new entries of the calldata work go above this line

  async listRollouts(): Promise<CccRollout[]> {
    return (await this.json<{ items: CccRollout[] }>('/rollouts')).items;
  }

  getRollout(id: string): Promise<CccRolloutDetails> {
    return this.json(`/rollouts/${enc(id)}`);
  }

  planRollout(request: CreateRolloutRequest): Promise<CccRolloutPlan> {
    return this.json('/rollouts/plan', { method: 'POST', body: request });
  }

  createRollout(request: CreateRolloutRequest): Promise<CccRolloutDetails> {
    return this.json('/rollouts', { method: 'POST', body: request });
  }

  pauseRollout(id: string): Promise<CccRolloutDetails> {
    return this.json(`/rollouts/${enc(id)}/pause`, { method: 'POST' });
  }

  resumeRollout(id: string): Promise<CccRolloutDetails> {
    return this.json(`/rollouts/${enc(id)}/resume`, { method: 'POST' });
  }

  abortRollout(id: string): Promise<CccRolloutDetails> {
    return this.json(`/rollouts/${enc(id)}/abort`, { method: 'POST' });
  }
  // <rollouts> new entries of the rollouts work go above this line

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
