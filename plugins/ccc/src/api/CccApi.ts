import { createApiRef } from '@backstage/core-plugin-api';
import {
  CallDataExportParams,
  CallDataListParams,
  CallDataStatisticsParams,
  CccCallDataPage,
  CccCallDataStatistics,
} from './callDataTypes';
import {
  BackupInterval,
  CccAccessEntry,
  CccAuditEvent,
  CccBackupOverview,
  CccDashboard,
  CccFirmwareOverview,
  CccFleetBackupRow,
  CccGrant,
  CccHealth,
  CccJob,
  CccMyAccess,
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
  UserGroupVisibility,
} from '@internal/plugin-ccc-common';
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

/** Who holds which role on a system, and what the signed-in user may do there. */
export interface CccSystemAccess {
  entries: CccAccessEntry[];
  me: CccMyAccess;
}

/** Paging of the audit trail: newest first, `before` an event id to continue after. */
export interface AuditPage {
  limit?: number;
  before?: number;
}

/** A grant to remove: one subject on one system. */
export interface GrantKey {
  systemId: string;
  subjectRef: string;
}

/** Fields of a new CCC user group. */
export interface CreateUserGroupRequest {
  name: string;
  description: string;
  defaultRole: GrantableRole;
  visibility: UserGroupVisibility;
}

/** Changed fields of a CCC user group. */
export type UpdateUserGroupRequest = Partial<CreateUserGroupRequest>;

/** What the CCC frontend asks of the CCC backend. */
export interface CccApi {
  /** The backend's view of its database and of the device side. */
  getHealth(): Promise<CccHealth>;
  /** Versions, the user's systems by device state, help links and news (manual: "Dashboard"). */
  getDashboard(): Promise<CccDashboard>;
  /** Systems the user may see, all of them (for pickers and summaries). */
  listSystems(): Promise<CccSystem[]>;
  /** One page of the systems the user may see, filtered and sorted by the backend (the systems page). */
  listSystemsPage(query: SystemsQuery): Promise<CccSystemsPage>;
  /** One system by id. */
  getSystem(id: string): Promise<CccSystem>;
  /** One system by serial number (entity pages know the serial from the annotation). */
  getSystemBySerial(serialNumber: string): Promise<CccSystem>;
  /** Registers a system and returns its first pairing token. */
  registerSystem(request: RegisterSystemRequest): Promise<RegisterSystemResponse>;
  /** Registers many systems at once; every row has its own outcome. */
  registerSystems(requests: RegisterSystemRequest[]): Promise<BulkRegistrationResult[]>;
  /** Renames a system or changes how the device is reached. */
  updateSystem(id: string, request: UpdateSystemRequest): Promise<CccSystem>;
  /** Issues a new pairing token (the old one stops working); also re-pairs a system whose link was lost. */
  renewToken(id: string): Promise<PairingToken>;
  /** Cancels a pending pairing. */
  cancelToken(id: string): Promise<void>;
  /** Reads the device's state now instead of waiting for the next poll. */
  refreshSystem(id: string): Promise<CccSystem>;
  /** Deletes a system and all its data (owner only). */
  deleteSystem(id: string): Promise<void>;

  /** Who holds which role on a system and through what, plus the signed-in user's roles and permissions. */
  getAccess(systemId: string): Promise<CccSystemAccess>;
  /** Sets the roles of a user or catalog group on a system (replacing earlier ones). */
  setGrant(systemId: string, request: { subjectRef: string; roles: GrantableRole[] }): Promise<CccGrant>;
  /** Removes every role granted directly to a user or catalog group on a system. */
  revokeGrant(systemId: string, subjectRef: string): Promise<void>;
  /** The grants the signed-in user gave. */
  listMyGrants(): Promise<CccGrant[]>;
  /** Removes several grants at once (all or nothing). */
  deleteGrants(items: GrantKey[]): Promise<void>;
  /** Hands a system to another catalog user (owner only). */
  transferOwnership(systemId: string, ownerRef: string): Promise<{ ownerRef: string }>;
  /** A system's audit trail, newest first. */
  listSystemAudit(systemId: string, page?: AuditPage): Promise<CccAuditEvent[]>;
  /** The audit trail of the whole fleet, newest first (fleet administrators). */
  listFleetAudit(page?: AuditPage): Promise<CccAuditEvent[]>;

  /** All CCC user groups, each marked whether the signed-in user is a member. */
  listUserGroups(): Promise<CccUserGroup[]>;
  /** Creates a group owned by the signed-in user. */
  createUserGroup(request: CreateUserGroupRequest): Promise<CccUserGroup>;
  /** A group with its members and systems (owner and members only). */
  getUserGroup(id: string): Promise<CccUserGroupDetails>;
  /** Changes a group's name, description, default role or type (owner only). */
  updateUserGroup(id: string, request: UpdateUserGroupRequest): Promise<CccUserGroup>;
  /** Deletes a group (owner only). */
  deleteUserGroup(id: string): Promise<void>;
  /** Deletes several groups at once (owner only; all or nothing). */
  deleteUserGroups(ids: string[]): Promise<void>;
  /** The signed-in user joins a public group with its default role. */
  joinUserGroup(id: string): Promise<CccUserGroup>;
  /** The signed-in user leaves a group. */
  leaveUserGroup(id: string): Promise<void>;
  /** Adds a member or sets their roles; without roles the group's default role (owner only). */
  setUserGroupMember(id: string, request: { memberRef: string; roles?: GrantableRole[] }): Promise<CccUserGroupDetails>;
  /** Removes a member (owner only). */
  removeUserGroupMember(id: string, memberRef: string): Promise<void>;
  /** Assigns a system to a group (group owner with grant rights on the system). */
  addUserGroupSystem(id: string, systemId: string): Promise<CccUserGroupDetails>;
  /** Removes a system from a group. */
  removeUserGroupSystem(id: string, systemId: string): Promise<void>;
  /** The backup tab of a system: backups, schedule, retention, assurance and a running backup or restore. */
  getBackups(systemId: string): Promise<CccBackupOverview>;
  /** Starts a remote backup now; follow the returned job with {@link CccApi.getJob}. */
  createBackup(systemId: string): Promise<CccJob>;
  /** Deletes backups from the backup server; stops at the first refusal. */
  deleteBackups(systemId: string, ids: string[]): Promise<{ deleted: string[] }>;
  /** Restores a backup (overwrites the configuration, the PBX restarts); `password` when it changed since. */
  restoreBackup(systemId: string, backupId: string, options?: { password?: string }): Promise<CccJob>;
  /** Sets the interval of automatic backups (the device keeps the time of day). */
  setBackupSchedule(systemId: string, interval: BackupInterval): Promise<CccBackupOverview['schedule']>;
  /** Sets the system's retention; both null follows the fleet default. */
  setBackupRetention(systemId: string, rule: Pick<CccRetention, 'keepLast' | 'keepDays'>): Promise<CccRetention>;
  /** Backups, restores and firmware updates the CCC started on a system, newest first. */
  listJobs(systemId: string, kind?: CccJob['kind']): Promise<CccJob[]>;
  /** One job, brought up to date by the backend (poll it while it runs). */
  getJob(systemId: string, jobId: string): Promise<CccJob>;
  /** Installed and available firmware, the device's update status and the update history. */
  getFirmware(systemId: string): Promise<CccFirmwareOverview>;
  /** Starts "update now including restart". */
  startFirmwareUpdate(systemId: string): Promise<CccJob>;
  /** Backup assurance of every system the user may see backups of. */
  listFleetBackups(): Promise<CccFleetBackupRow[]>;
  // <backups> new entries of the backups work go above this line
  /** SMTP servers: every detail for fleet administrators, otherwise only the names (`details` false). */
  listSmtpServers(): Promise<CccSmtpServerList>;
  /** Adds an SMTP server (fleet administrators); the first one becomes the default by itself. */
  createSmtpServer(request: CreateSmtpServerRequest): Promise<CccSmtpServer>;
  /** Changes an SMTP server; an omitted password stays, `null` removes it. */
  updateSmtpServer(id: string, request: UpdateSmtpServerRequest): Promise<CccSmtpServer>;
  /** Deletes an SMTP server; refused while systems depend on it. */
  deleteSmtpServer(id: string): Promise<void>;
  /** Deletes several SMTP servers (all or nothing). */
  deleteSmtpServers(ids: string[]): Promise<void>;
  /** Sends a test mail through the server to its recipient and tells how that went. */
  checkSmtpServer(id: string): Promise<CccSmtpCheckResult>;
  /** The system's own SMTP server and the one that actually mails its warnings. */
  getSystemSmtp(systemId: string): Promise<CccSystemSmtp>;
  /** Lets a server mail the system's warnings. */
  assignSystemSmtp(systemId: string, smtpServerId: string): Promise<CccSystemSmtp>;
  /** Removes the system's own server: its warnings go through the default server. */
  unassignSystemSmtp(systemId: string): Promise<CccSystemSmtp>;
  /** One page of a system's warnings, filtered and sorted by the backend. */
  listWarnings(systemId: string, query?: WarningListQuery): Promise<CccWarningPage>;
  /** The latest alert mails of a system: sent, failed, no server, or left out within the cooldown. */
  listAlertDeliveries(systemId: string): Promise<CccAlertDelivery[]>;
  // <smtp> new entries of the smtp work go above this line
  /** CPU and memory chart series of a system over a range (monitoring permission). */
  getMonitoring(systemId: string, range: MonitoringRange): Promise<CccMonitoringSeries>;
  /** Phones and provider accounts of a system, read live from the device. */
  getRegistration(systemId: string): Promise<CccRegistrationStatus>;
  /** Last known state of the phones of every system the user sees, filtered and paged. */
  listFleetPhones(query?: FleetStatusQuery): Promise<FleetStatusPage<CccPhone>>;
  /** Last known state of the provider accounts of every system the user sees, filtered and paged. */
  listFleetTrunks(query?: FleetStatusQuery): Promise<FleetStatusPage<CccTrunk>>;
  /** Health scores of every system the user sees, worst first. */
  listScorecards(): Promise<CccScorecard[]>;
  /** Health score of one system with its checks. */
  getScorecard(systemId: string): Promise<CccScorecard>;
  /**
   * Sets the user cookie for the backend, then asks for a one-time link to the device's web interface
   * (the window opened with it carries no bearer token).
   */
  openRemoteSession(systemId: string): Promise<CccRemoteLink>;
  /** Whether the device has a remote-access session open. */
  getRemoteSession(systemId: string): Promise<CccRemoteSessionState>;
  /** Ends the device's remote-access session. */
  closeRemoteSession(systemId: string): Promise<void>;
  // <monitoring> new entries of the monitoring work go above this line
  /** One page of a system's call data, filtered and sorted by the backend (numbers possibly masked). */
  listCallData(systemId: string, params?: CallDataListParams): Promise<CccCallDataPage>;
  /** The whole filtered call data as gespr_dat.csv; only after the user acknowledged the legal notice. */
  exportCallData(systemId: string, params: CallDataExportParams): Promise<Blob>;
  /** One page of the call data of every system the user may read (with the systems' names). */
  listFleetCallData(params?: CallDataListParams): Promise<CccCallDataPage>;
  /** The fleet's filtered call data as gespr_dat.csv, with the system as first column. */
  exportFleetCallData(params: CallDataExportParams): Promise<Blob>;
  /** Statistics of a system's call data, or of the fleet's when `systemId` is null. */
  getCallDataStatistics(systemId: string | null, params: CallDataStatisticsParams): Promise<CccCallDataStatistics>;
  // <calldata> new entries of the calldata work go above this line
  /** Fleet firmware rollouts the user may see (holding a system they see, or started by them), newest first. */
  listRollouts(): Promise<CccRollout[]>;
  /** One rollout with its waves and systems. */
  getRollout(id: string): Promise<CccRolloutDetails>;
  /** What a rollout request would do (systems in waves), without starting it. */
  planRollout(request: CreateRolloutRequest): Promise<CccRolloutPlan>;
  /** Starts a rollout; needs the firmware update right on every chosen system. */
  createRollout(request: CreateRolloutRequest): Promise<CccRolloutDetails>;
  /** Pauses a running rollout: nothing new starts. */
  pauseRollout(id: string): Promise<CccRolloutDetails>;
  /** Resumes a paused rollout. */
  resumeRollout(id: string): Promise<CccRolloutDetails>;
  /** Aborts a rollout: systems not yet updating are left alone. */
  abortRollout(id: string): Promise<CccRolloutDetails>;
  // <rollouts> new entries of the rollouts work go above this line
}

/**
 * Reference to the {@link CccApi}. Created with core-plugin-api so that the
 * same ref serves legacy apps and the new frontend system.
 */
export const cccApiRef = createApiRef<CccApi>({ id: 'plugin.ccc.client' });
