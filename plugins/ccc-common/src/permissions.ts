import { createPermission, Permission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CCC_SYSTEM } from './constants';
import { CccRole } from './roles';

const onSystem = (name: string, action: 'read' | 'create' | 'update' | 'delete') =>
  createPermission({ name, attributes: { action }, resourceType: RESOURCE_TYPE_CCC_SYSTEM });

/** Register a new COMtrexx (basic: no system exists yet). */
export const cccSystemCreatePermission = createPermission({ name: 'ccc.system.create', attributes: { action: 'create' } });
/** Administer the company's SMTP servers (basic; fleet administrators). */
export const cccSmtpManagePermission = createPermission({ name: 'ccc.smtp.manage', attributes: { action: 'update' } });
/** Read the audit trail of the whole fleet (basic; fleet administrators). */
export const cccFleetAuditReadPermission = createPermission({ name: 'ccc.audit.read', attributes: { action: 'read' } });

/** See a system: info, licences, registration status, who has access (any role). */
export const cccSystemReadPermission = onSystem('ccc.system.read', 'read');
/** Rename a system, change its device address, renew or cancel its pairing token. */
export const cccSystemUpdatePermission = onSystem('ccc.system.update', 'update');
/** Delete a system (owner only). */
export const cccSystemDeletePermission = onSystem('ccc.system.delete', 'delete');
/** Hand ownership of a system to someone else (owner only). */
export const cccSystemTransferPermission = onSystem('ccc.system.transfer', 'update');
/** Grant and revoke roles on a system, add it to CCC user groups. */
export const cccSystemGrantsManagePermission = onSystem('ccc.system.grants.manage', 'update');
/** Read a system's audit trail. */
export const cccSystemAuditReadPermission = onSystem('ccc.system.audit.read', 'read');
/** List a system's remote backups and their schedule. */
export const cccBackupReadPermission = onSystem('ccc.backup.read', 'read');
/** Create a remote backup now. */
export const cccBackupCreatePermission = onSystem('ccc.backup.create', 'create');
/** Restore a remote backup (the PBX restarts). */
export const cccBackupRestorePermission = onSystem('ccc.backup.restore', 'update');
/** Delete remote backups. */
export const cccBackupDeletePermission = onSystem('ccc.backup.delete', 'delete');
/** Change the automatic backup interval and retention. */
export const cccBackupSchedulePermission = onSystem('ccc.backup.schedule', 'update');
/** Start a firmware update including restart. */
export const cccFirmwareUpdatePermission = onSystem('ccc.firmware.update', 'update');
/** Read call data (CDR). */
export const cccCallDataReadPermission = onSystem('ccc.calldata.read', 'read');
/** Export call data as `gespr_dat.csv`. */
export const cccCallDataExportPermission = onSystem('ccc.calldata.export', 'read');
/** Read CPU and memory monitoring. */
export const cccMonitoringReadPermission = onSystem('ccc.monitoring.read', 'read');
/** Read a system's warnings. */
export const cccWarningsReadPermission = onSystem('ccc.warnings.read', 'read');
/** Choose which SMTP server mails a system's warnings. */
export const cccSmtpAssignPermission = onSystem('ccc.smtp.assign', 'update');
/** Open a remote-configuration session to the PBX's web interface. */
export const cccRemoteConfigPermission = onSystem('ccc.remoteconfig.use', 'update');

/** Permissions that concern one system (resource type `ccc-system`). */
export const cccSystemPermissions = [
  cccSystemReadPermission,
  cccSystemUpdatePermission,
  cccSystemDeletePermission,
  cccSystemTransferPermission,
  cccSystemGrantsManagePermission,
  cccSystemAuditReadPermission,
  cccBackupReadPermission,
  cccBackupCreatePermission,
  cccBackupRestorePermission,
  cccBackupDeletePermission,
  cccBackupSchedulePermission,
  cccFirmwareUpdatePermission,
  cccCallDataReadPermission,
  cccCallDataExportPermission,
  cccMonitoringReadPermission,
  cccWarningsReadPermission,
  cccSmtpAssignPermission,
  cccRemoteConfigPermission,
];

/** Permissions without a resource (company-wide). */
export const cccBasicPermissions = [cccSystemCreatePermission, cccSmtpManagePermission, cccFleetAuditReadPermission];

/** Every permission of the CCC plugins. */
export const cccPermissions: Permission[] = [...cccSystemPermissions, ...cccBasicPermissions];

const ADMINISTRATOR_DENIED = new Set([cccSystemDeletePermission.name, cccSystemTransferPermission.name]);
const names = (...permissions: Permission[]) => permissions.map(p => p.name);

/**
 * The role → permission table, the one place it is written down (manual:
 * "Funktionen/Möglichkeiten"). The owner may do everything; administrators
 * everything but deleting and giving away the system. The manual lists the
 * firmware update also under "Backup" once but under "Administrator" in the
 * role text; we follow the role text (firmware update = Administrator).
 */
export const ROLE_PERMISSIONS: Record<CccRole, readonly string[]> = {
  owner: names(...cccSystemPermissions),
  administrator: names(...cccSystemPermissions).filter(n => !ADMINISTRATOR_DENIED.has(n)),
  monitoring: names(cccSystemReadPermission, cccMonitoringReadPermission, cccWarningsReadPermission),
  backup: names(
    cccSystemReadPermission,
    cccBackupReadPermission,
    cccBackupCreatePermission,
    cccBackupRestorePermission,
    cccBackupDeletePermission,
    cccBackupSchedulePermission,
  ),
  callData: names(cccSystemReadPermission, cccCallDataReadPermission, cccCallDataExportPermission),
};

/** The roles whose holders may use a system permission, in table order. */
export function rolesAllowing(permissionName: string): CccRole[] {
  return (Object.keys(ROLE_PERMISSIONS) as CccRole[]).filter(role => ROLE_PERMISSIONS[role].includes(permissionName));
}
