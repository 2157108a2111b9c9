import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  cccBackupCreatePermission,
  cccSmtpManagePermission,
  cccSystemCreatePermission,
  cccSystemReadPermission,
} from '@internal/plugin-ccc-common';
import { CccPermissionDecider } from './CccPermissionDecider';
import { CccPermissionPolicy } from './CccPermissionPolicy';

const ANNA = 'user:default/anna';
const user = (ref: string) => ({ credentials: mockCredentials.user(ref), info: { userEntityRef: ref, ownershipEntityRefs: [] } });

describe('CccPermissionDecider', () => {
  const userInfo = mockServices.userInfo.mock({
    getUserInfo: async credentials => {
      const ref = (credentials.principal as { userEntityRef: string }).userEntityRef;
      return { userEntityRef: ref, ownershipEntityRefs: ref === ANNA ? [ANNA, 'group:default/Fleet-Admins'] : [ref] };
    },
  });
  const decider = new CccPermissionDecider({ userInfo, fleetAdmins: ['group:default/fleet-admins'] });

  it('leaves other plugins alone', async () => {
    const request = { permission: { type: 'basic' as const, name: 'catalog.entity.create', attributes: {} } };
    expect(decider.handles(request)).toBe(false);
    expect(await decider.decide(request, user(ANNA))).toBeUndefined();
  });

  it('turns system permissions into role conditions with the user’s claims', async () => {
    const decision = await decider.decide({ permission: cccBackupCreatePermission }, user('user:default/ben'));
    expect(decision).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'ccc',
      resourceType: 'ccc-system',
      conditions: {
        rule: 'HAS_SYSTEM_ROLE',
        resourceType: 'ccc-system',
        params: { roles: ['owner', 'administrator', 'backup'], claims: ['user:default/ben'] },
      },
    });
  });

  it('lets fleet administrators (case-insensitive refs) see all systems and manage SMTP, nothing more', async () => {
    expect(await decider.decide({ permission: cccSystemReadPermission }, user(ANNA))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await decider.decide({ permission: cccSmtpManagePermission }, user(ANNA))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect((await decider.decide({ permission: cccBackupCreatePermission }, user(ANNA)))?.result).toBe(
      AuthorizeResult.CONDITIONAL,
    );
    expect(await decider.decide({ permission: cccSmtpManagePermission }, user('user:default/ben'))).toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('lets every user register and refuses requests without a user', async () => {
    expect(await decider.decide({ permission: cccSystemCreatePermission }, user('user:default/ben'))).toEqual({
      result: AuthorizeResult.ALLOW,
    });
    expect(await decider.decide({ permission: cccSystemReadPermission })).toEqual({ result: AuthorizeResult.DENY });
  });

  it('is wrapped by the ready policy with a fallback for other plugins', async () => {
    const other = { permission: { type: 'basic' as const, name: 'catalog.entity.delete', attributes: {} } };
    expect(await new CccPermissionPolicy(decider, 'allow').handle(other, user(ANNA))).toEqual({ result: 'ALLOW' });
    expect(await new CccPermissionPolicy(decider, 'deny').handle(other, user(ANNA))).toEqual({ result: 'DENY' });
    expect(await new CccPermissionPolicy(decider, 'deny').handle({ permission: cccSystemCreatePermission }, user(ANNA)))
      .toEqual({ result: 'ALLOW' });
  });
});
