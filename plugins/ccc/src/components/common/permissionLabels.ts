import {
  cccBackupCreatePermission,
  cccBackupDeletePermission,
  cccBackupReadPermission,
  cccBackupRestorePermission,
  cccBackupSchedulePermission,
  cccCallDataExportPermission,
  cccCallDataReadPermission,
  cccFirmwareUpdatePermission,
  cccMonitoringReadPermission,
  cccRemoteConfigPermission,
  cccSmtpAssignPermission,
  cccSystemAuditReadPermission,
  cccSystemDeletePermission,
  cccSystemGrantsManagePermission,
  cccSystemReadPermission,
  cccSystemTransferPermission,
  cccSystemUpdatePermission,
  cccWarningsReadPermission,
} from '@internal/plugin-ccc-common';
import { cccMessages } from '../../translation';

/** Key of a permission's text under `permission.names`. */
export type PermissionLabelKey = keyof typeof cccMessages.permission.names;

/**
 * Message keys of the system permissions; permission names contain dots,
 * which translation keys cannot. A permission missing here shows its name.
 */
export const PERMISSION_LABEL_KEYS: Readonly<Record<string, PermissionLabelKey>> = {
  [cccSystemReadPermission.name]: 'systemRead',
  [cccSystemUpdatePermission.name]: 'systemUpdate',
  [cccSystemDeletePermission.name]: 'systemDelete',
  [cccSystemTransferPermission.name]: 'systemTransfer',
  [cccSystemGrantsManagePermission.name]: 'systemGrantsManage',
  [cccSystemAuditReadPermission.name]: 'systemAuditRead',
  [cccBackupReadPermission.name]: 'backupRead',
  [cccBackupCreatePermission.name]: 'backupCreate',
  [cccBackupRestorePermission.name]: 'backupRestore',
  [cccBackupDeletePermission.name]: 'backupDelete',
  [cccBackupSchedulePermission.name]: 'backupSchedule',
  [cccFirmwareUpdatePermission.name]: 'firmwareUpdate',
  [cccCallDataReadPermission.name]: 'callDataRead',
  [cccCallDataExportPermission.name]: 'callDataExport',
  [cccMonitoringReadPermission.name]: 'monitoringRead',
  [cccWarningsReadPermission.name]: 'warningsRead',
  [cccSmtpAssignPermission.name]: 'smtpAssign',
  [cccRemoteConfigPermission.name]: 'remoteConfig',
};
