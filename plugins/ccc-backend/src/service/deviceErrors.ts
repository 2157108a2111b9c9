import { ErrorRequestHandler } from 'express';
import {
  DeviceAccessRevokedError,
  DeviceBackupInProgressError,
  DeviceBackupNotConfiguredError,
  DeviceFirmwareUnsupportedError,
  DeviceLockedOutError,
  DeviceMaintenanceRequiredError,
  DeviceMonitoringDisabledError,
  DeviceNotFoundError,
  DeviceNoUpdateAvailableError,
  DeviceRebootingError,
  DeviceRemoteConfigDisabledError,
  DeviceRequestError,
  DeviceUnreachableError,
  DeviceUpdateInProgressError,
} from '../device/errors';

// Most specific first: DeviceNotFoundError is a DeviceRequestError.
const STATUS_OF: Array<[new (...args: any[]) => Error, number]> = [
  [DeviceNotFoundError, 404],
  [DeviceBackupNotConfiguredError, 409],
  [DeviceBackupInProgressError, 409],
  [DeviceUpdateInProgressError, 409],
  [DeviceNoUpdateAvailableError, 409],
  [DeviceAccessRevokedError, 409],
  [DeviceMaintenanceRequiredError, 412],
  [DeviceFirmwareUnsupportedError, 412],
  [DeviceMonitoringDisabledError, 412],
  [DeviceRemoteConfigDisabledError, 412],
  [DeviceRebootingError, 503],
  [DeviceUnreachableError, 502],
  [DeviceLockedOutError, 502],
  [DeviceRequestError, 502],
];

/**
 * Answers the device client's typed errors with a status and the error's
 * own sentence: a device that is offline, rebooting or refusing is the
 * device's state, never a 500 of the CCC.
 */
export const deviceErrorHandler: ErrorRequestHandler = (error, req, res, next) => {
  const match = STATUS_OF.find(([type]) => error instanceof type);
  if (!match) {
    next(error);
    return;
  }
  const status = match[1];
  if (error instanceof DeviceRebootingError && error.retryAfterSeconds) {
    res.setHeader('Retry-After', String(error.retryAfterSeconds));
  }
  res.status(status).json({
    error: { name: error.name, message: error.message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  });
};
