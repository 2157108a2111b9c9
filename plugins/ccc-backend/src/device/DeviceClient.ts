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
  /** Forgets the device's session (after re-pairing, or when it is deleted). */
  forget(serialNumber: string): void;
}
