/** The device (or the gateway in front of it) did not answer: offline, wrong address, timeout. */
export class DeviceUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeviceUnreachableError';
  }
}

/** The device no longer accepts the CCC's credentials or reports CCC access as removed. */
export class DeviceAccessRevokedError extends Error {
  constructor(message = 'Access for the COMtrexx Control Center was removed on the device') {
    super(message);
    this.name = 'DeviceAccessRevokedError';
  }
}

/** The device is restarting (503 with Retry-After), e.g. after a restore or a firmware update. */
export class DeviceRebootingError extends Error {
  constructor(readonly retryAfterSeconds: number | undefined) {
    super(
      retryAfterSeconds !== undefined
        ? `The COMtrexx is restarting; it should answer again in about ${retryAfterSeconds} seconds`
        : 'The COMtrexx is restarting',
    );
    this.name = 'DeviceRebootingError';
  }
}

/** The device blocked logins after failed attempts (423). */
export class DeviceLockedOutError extends Error {
  constructor(readonly blockedSeconds: number | undefined) {
    super(
      `The COMtrexx blocked logins after failed attempts${blockedSeconds !== undefined ? ` for ${blockedSeconds} seconds` : ''}`,
    );
    this.name = 'DeviceLockedOutError';
  }
}

/** The device refuses the function: maintenance is not active (412 MAINTENANCE_REQUIRED). */
export class DeviceMaintenanceRequiredError extends Error {
  constructor(message = 'The COMtrexx needs active maintenance for this function') {
    super(message);
    this.name = 'DeviceMaintenanceRequiredError';
  }
}

/** The device refuses the function: its firmware is too old (412 FIRMWARE_UNSUPPORTED). */
export class DeviceFirmwareUnsupportedError extends Error {
  constructor(message = 'The firmware of the COMtrexx is too old for this function') {
    super(message);
    this.name = 'DeviceFirmwareUnsupportedError';
  }
}

/** Monitoring ("Aufzeichnung von Anlagendaten") is switched off on the device (409 MONITORING_DISABLED). */
export class DeviceMonitoringDisabledError extends Error {
  constructor(message = 'Recording of system data (monitoring) is switched off on the COMtrexx') {
    super(message);
    this.name = 'DeviceMonitoringDisabledError';
  }
}

/** Remote configuration is not allowed on the device (412 REMOTE_CONFIG_DISABLED). */
export class DeviceRemoteConfigDisabledError extends Error {
  constructor(message = 'Remote configuration through the remote-access server is not allowed on the COMtrexx') {
    super(message);
    this.name = 'DeviceRemoteConfigDisabledError';
  }
}

/** The device answered with an unexpected status or body. */
export class DeviceRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'DeviceRequestError';
  }
}

/** Remote backup is not set up on the device: no backup server or password (409 BACKUP_NOT_CONFIGURED). */
export class DeviceBackupNotConfiguredError extends Error {
  constructor(message = 'Remote backup is not set up on the COMtrexx; an admin must enter server and password there') {
    super(message);
    this.name = 'DeviceBackupNotConfiguredError';
  }
}

/** A backup or restore already runs on the device (409 BACKUP_IN_PROGRESS, [INVENTED] code). */
export class DeviceBackupInProgressError extends Error {
  constructor(message = 'A backup or restore is already running on the COMtrexx') {
    super(message);
    this.name = 'DeviceBackupInProgressError';
  }
}

/** A firmware update already runs on the device (409 UPDATE_IN_PROGRESS). */
export class DeviceUpdateInProgressError extends Error {
  constructor(message = 'A firmware update is already running on the COMtrexx') {
    super(message);
    this.name = 'DeviceUpdateInProgressError';
  }
}

/** The update server offers no newer firmware than the installed one (409 NO_UPDATE_AVAILABLE, [INVENTED] code). */
export class DeviceNoUpdateAvailableError extends Error {
  constructor(message = 'The COMtrexx already runs the newest firmware') {
    super(message);
    this.name = 'DeviceNoUpdateAvailableError';
  }
}

/**
 * The device does not know what was asked for, e.g. a deleted backup or a
 * forgotten job (404 NOT_FOUND). A {@link DeviceRequestError}, so code that
 * handles those keeps working.
 */
export class DeviceNotFoundError extends DeviceRequestError {
  constructor(message = 'The COMtrexx does not know the requested item') {
    super(message, 404, 'NOT_FOUND');
    this.name = 'DeviceNotFoundError';
  }
}
