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
