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
  /** Forgets the device's session (after re-pairing, or when it is deleted). */
  forget(serialNumber: string): void;
}
