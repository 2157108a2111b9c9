import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccRole, rolesAllowing } from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccTranslationRef } from '../../translation';

/** Translated role names, and the reason shown where a permission is missing. */
export interface RoleTexts {
  /** "Owner", "Call data", … */
  label(role: CccRole): string;
  /** Several roles in the given order, comma-separated. */
  list(roles: readonly CccRole[]): string;
  /** "Needs one of these roles on the system: Owner, Administrator", from the role → permission table. */
  needsRole(permissionName: string): string;
}

/** Role names in the app's language; the reasons are derived from `ROLE_PERMISSIONS` so they cannot drift. */
export function useRoleTexts(): RoleTexts {
  const { t } = useTranslationRef(cccTranslationRef);
  return useMemo(() => {
    const label = (role: CccRole) => t(`roles.${role}`);
    const list = (roles: readonly CccRole[]) => roles.map(label).join(', ');
    return {
      label,
      list,
      needsRole: (name: string) => t('permission.needsRole', { roles: list(rolesAllowing(name)) }),
    };
  }, [t]);
}
