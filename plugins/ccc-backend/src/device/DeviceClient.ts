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
  /** Forgets the device's session (after re-pairing, or when it is deleted). */
  forget(serialNumber: string): void;
}
