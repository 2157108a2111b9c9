import type {
  DeviceBackup,
  DeviceBackupConfig,
  DeviceBackupInterval,
  DeviceBackupJob,
  DeviceBackupSchedule,
  DeviceFirmware,
  DeviceFirmwareUpdateStatus,
  DeviceJobAccepted,
} from './backupSchemas';

export type {
  DeviceBackup,
  DeviceBackupConfig,
  DeviceBackupInterval,
  DeviceBackupJob,
  DeviceBackupSchedule,
  DeviceFirmware,
  DeviceFirmwareUpdateEntry,
  DeviceFirmwareUpdateStatus,
  DeviceJobAccepted,
} from './backupSchemas';

/** Where and how to reach one device. */
export interface DeviceTarget {
  serialNumber: string;
  /** Base URL of the device (below it: `/api/v1/...`). */
  baseUrl: string;
  credentials: { username: string; password: string };
  allowSelfSignedTls: boolean;
}

/** `GET /api/v1/system/info` of a COMtrexx. */
export interface DeviceSystemInfo {
  serialNumber: string;
  model: string;
  firmwareVersion: string;
  macAddress?: string;
  hostname?: string;
}

/** `GET /api/v1/ccc/access`: whether the device still grants the CCC access, and its opt-ins. */
export interface DeviceCccAccess {
  state: 'none' | 'pending' | 'confirmed' | 'error';
  monitoringEnabled: boolean;
  remoteConfigEnabled: boolean;
}

/** `GET /api/v1/maintenance`. */
export interface DeviceMaintenance {
  active: boolean;
  validUntil: string | null;
}

/** One phone of `GET /api/v1/phones/status` (the eight states of the manual's "Telefon Status"). */
export interface DevicePhoneStatus {
  id: string;
  name: string;
  macAddress: string | null;
  type: 'ip' | 'dect-base' | 'analog';
  manufacturer: string | null;
  model: string;
  firmwareVersion: string | null;
  userNumber: string | null;
  status:
    | 'no_provisioning_file'
    | 'provisioning_pending'
    | 'provisioned'
    | 'registered_encrypted'
    | 'registered_unencrypted'
    | 'not_registered'
    | 'unknown'
    | 'analog_connected';
}

/** One provider account of `GET /api/v1/trunks/status` (STUN state and registration state apart). */
export interface DeviceTrunkStatus {
  id: string;
  accountName: string;
  providerName: string;
  stunState: 'stun_none' | 'stun_ok' | 'stun_offline' | 'stun_failed' | 'invite_answered' | 'config_error';
  registrationState: 'not_registered' | 'registered_unencrypted' | 'registered_encrypted';
  lastChange: string;
}

/** One sample of `GET /api/v1/monitoring/samples`. */
export interface DeviceMonitoringSample {
  ts: string;
  cpuLoadPercent: number;
  memUsedBytes: number;
  memTotalBytes: number;
}

/** One entry of `GET /api/v1/systemmessages` (severities of the COMtrexx system messages). */
export interface DeviceSystemMessage {
  id: number;
  ts: string;
  severity: 'info' | 'malfunction' | 'serious' | 'security';
  category: string;
  text: string;
}

/** A remote-access session to the device's web interface. */
export interface DeviceRemoteSession {
  sessionId: string;
  url: string;
  expiresAt: string;
}

/**
 * One record of `GET /api/v1/calldata`, with the field names of the real COMtrexx REST API (domain §2.1).
 * Texts a device leaves empty or null are "". `startDate` is ISO 8601, usually in UTC with a trailing Z.
 */
export interface DeviceCallData {
  /** Increasing per record; 0 on every record of a firmware with that quirk, where it cannot serve as a cursor. */
  CallDataId: number;
  startDate: string;
  /** Seconds; ring time for unsuccessful calls. */
  length: number;
  externalName: string;
  externalPhoneNumber: string;
  /** Own external number (Anschluss). */
  msn: string;
  /** Billing number and name (Nr./Name Rechnung): the user, or the group an incoming call was for. */
  userNumber: string;
  userName: string;
  /** The party that actually took part (Nr./Name real). */
  connectedUserNumber: string;
  connectedUserName: string;
  groupNumber: string;
  groupName: string;
  cost: number | null;
  costFactor: number | null;
  direction: 'Incoming' | 'Outgoing';
  /** Normal, CfIntern, CfExtern, Voicemailbox, Faxbox, Callthrough, ...: the real list is not public. */
  callType: string;
  /** Abrechnungsart: erfolgreich (true) or vergeblich (false). */
  success: boolean;
}

/**
 * Query of {@link DeviceClient.listCallData}. `limit`, `offset` and `userId` (the `UserId` parameter) exist on the
 * real API; `afterId` and `since` are [INVENTED] filters only the simulator knows: a real device ignores them.
 */
export interface DeviceCallDataQuery {
  /** Only records with a CallDataId above this one. [INVENTED] */
  afterId?: number;
  /** Only calls that started at or after this moment. [INVENTED] */
  since?: Date;
  /** Page size, 1–1000 (default 500). */
  limit?: number;
  offset?: number;
  userId?: string;
}

/** One page of call data and how many records match the query in all. */
export interface DeviceCallDataPage {
  records: DeviceCallData[];
  totalCount: number;
}

/** Where {@link DeviceClient.readCallDataAfter} starts: after a CallDataId, at a start time, or both. */
export interface DeviceCallDataCursor {
  afterId?: number;
  since?: Date;
}

/** What {@link DeviceClient.readCallDataAfter} read. */
export interface DeviceCallDataRead {
  /** The records after the cursor, in the device's order (oldest first). */
  records: DeviceCallData[];
  /** The cursor for the next read: the highest CallDataId read, else the one passed in; undefined without ids. */
  nextAfterId?: number;
  /** Every record read had CallDataId 0 (firmware quirk): read by `since` and tell records apart by content. */
  idsUnusable: boolean;
  /**
   * The first record is more than one id above `afterId`: the ring buffer (18,000 records) overwrote records
   * before they were read. [INFERRED] Assumes ids grow by one per record, as in the simulator.
   */
  gap: boolean;
}

/** Everything the status poll reads from a device. */
export interface DeviceStatus {
  info: DeviceSystemInfo;
  access: DeviceCccAccess;
  maintenance: DeviceMaintenance;
}

/** The backend's only way to a COMtrexx. */
export interface DeviceClient {
  /** Reads system info, CCC access and maintenance; throws the typed errors of `./errors`. */
  getStatus(target: DeviceTarget): Promise<DeviceStatus>;
  /** All phones with their registration/provisioning state (reads every page). */
  listPhoneStatus(target: DeviceTarget): Promise<DevicePhoneStatus[]>;
  /** All provider accounts with STUN and registration state (reads every page). */
  listTrunkStatus(target: DeviceTarget): Promise<DeviceTrunkStatus[]>;
  /** CPU and memory samples in [from, to) every `stepSeconds` (at least 60). */
  getMonitoringSamples(
    target: DeviceTarget,
    range: { from: Date; to: Date; stepSeconds?: number },
  ): Promise<DeviceMonitoringSample[]>;
  /** System messages newer than `sinceId` (0: all the device still has), oldest first. */
  listSystemMessages(target: DeviceTarget, sinceId: number): Promise<DeviceSystemMessage[]>;
  /** Opens (or returns the open) remote-access session. Not retried: it changes state. */
  openRemoteSession(target: DeviceTarget): Promise<DeviceRemoteSession>;
  /** Whether a remote-access session is open ("active connection" indicator). */
  getRemoteSession(target: DeviceTarget): Promise<{ active: boolean; sessionId?: string; expiresAt?: string }>;
  /** Closes the remote-access session. */
  closeRemoteSession(target: DeviceTarget): Promise<void>;
  /**
   * Fetches one page of the device's web interface (remote configuration) at
   * an absolute URL on the device's origin, with the device's TLS settings.
   * GET only: the simulated web interface is a static page.
   */
  fetchWebInterface(target: DeviceTarget, url: string): Promise<{ status: number; contentType: string | null; body: Buffer }>;
  /** Whether remote backup (server, password) is set up on the device; readable even when it is not. */
  getBackupConfig(target: DeviceTarget): Promise<DeviceBackupConfig>;
  /** All backups on the device's backup server (reads every page); newest first as the device lists them. */
  listBackups(target: DeviceTarget): Promise<DeviceBackup[]>;
  /** Starts a backup job; poll it with {@link DeviceClient.getJob}. Not retried: it changes state. */
  createBackup(target: DeviceTarget): Promise<DeviceJobAccepted>;
  /** A backup or restore job. */
  getJob(target: DeviceTarget, jobId: string): Promise<DeviceBackupJob>;
  /** Starts restoring a backup; the device then restarts (rebooting errors until it is back). Not retried. */
  restoreBackup(target: DeviceTarget, backupId: string, options?: { password?: string }): Promise<DeviceJobAccepted>;
  /** Deletes a backup from the backup server. */
  deleteBackup(target: DeviceTarget, backupId: string): Promise<void>;
  /** The interval of automatic backups with last and next run. */
  getBackupSchedule(target: DeviceTarget): Promise<DeviceBackupSchedule>;
  /** Changes the interval; the device keeps the time of day unless switched on from off. */
  setBackupSchedule(target: DeviceTarget, interval: DeviceBackupInterval): Promise<DeviceBackupSchedule>;
  /** Installed firmware and the newer version the update server offers. */
  getFirmware(target: DeviceTarget): Promise<DeviceFirmware>;
  /** Starts a firmware update including restart; follow it with the update status. Not retried. */
  startFirmwareUpdate(target: DeviceTarget): Promise<DeviceJobAccepted>;
  /** The running or most recent firmware update and the finished ones. */
  getFirmwareUpdateStatus(target: DeviceTarget): Promise<DeviceFirmwareUpdateStatus>;
  /** One page of call data, oldest first, with the number of matching records (afterId/since: simulator only). */
  listCallData(target: DeviceTarget, query?: DeviceCallDataQuery): Promise<DeviceCallDataPage>;
  /**
   * Every record after a cursor, reading all pages: by id cursor while the device honours `afterId`, else by
   * offset with the cursor applied here, so it also works on a device without the invented filters.
   */
  readCallDataAfter(target: DeviceTarget, cursor?: DeviceCallDataCursor): Promise<DeviceCallDataRead>;
  /** Forgets the device's session (after re-pairing, or when it is deleted). */
  forget(serialNumber: string): void;
}
