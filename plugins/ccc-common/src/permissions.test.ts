import {
  cccBackupCreatePermission,
  cccFirmwareUpdatePermission,
  cccPermissions,
  cccSystemDeletePermission,
  cccSystemPermissions,
  cccSystemReadPermission,
  cccSystemTransferPermission,
  ROLE_PERMISSIONS,
  rolesAllowing,
} from './permissions';
import { CCC_ROLES, GRANTABLE_ROLES, isGrantableRole } from './roles';

describe('role table', () => {
  it('lets the owner do everything and nobody else delete or give away a system', () => {
    expect(ROLE_PERMISSIONS.owner).toEqual(cccSystemPermissions.map(p => p.name));
    expect(rolesAllowing(cccSystemDeletePermission.name)).toEqual(['owner']);
    expect(rolesAllowing(cccSystemTransferPermission.name)).toEqual(['owner']);
  });

  it('gives access to the system with any role', () => {
    expect(rolesAllowing(cccSystemReadPermission.name)).toEqual([...CCC_ROLES]);
  });

  it('follows the manual: firmware update for administrators, backups also for the backup role', () => {
    expect(rolesAllowing(cccFirmwareUpdatePermission.name)).toEqual(['owner', 'administrator']);
    expect(rolesAllowing(cccBackupCreatePermission.name)).toEqual(['owner', 'administrator', 'backup']);
  });

  it('names only real system permissions and has unique permission names', () => {
    const systemNames = new Set(cccSystemPermissions.map(p => p.name));
    for (const names of Object.values(ROLE_PERMISSIONS)) {
      for (const name of names) expect(systemNames).toContain(name);
    }
    const all = cccPermissions.map(p => p.name);
    expect(new Set(all).size).toBe(all.length);
    for (const name of all) expect(name).toMatch(/^ccc\.[a-z]+(\.[a-z]+)+$/);
  });

  it('grants every role but owner', () => {
    expect(GRANTABLE_ROLES).not.toContain('owner');
    expect(isGrantableRole('backup')).toBe(true);
    expect(isGrantableRole('owner')).toBe(false);
    expect(isGrantableRole(42)).toBe(false);
  });
});
