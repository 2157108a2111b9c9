import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { BasicPermission, ResourcePermission } from '@backstage/plugin-permission-common';
import { cccTranslationRef } from '../../translation';
import { useRoleTexts } from './roles';

/** Whether an action is allowed, and if not, why (for {@link WithReason}). */
export interface PermissionState {
  allowed: boolean;
  /** Set while checking and when denied. */
  reason?: string;
}

/**
 * Asks the permission framework about a CCC system permission on one system
 * (the resource ref is the system id). Until the answer arrives the action
 * counts as not allowed, so nothing can be clicked that the backend refuses.
 */
export function useSystemPermission(permission: ResourcePermission, systemId: string): PermissionState {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const { allowed, loading } = usePermission({ permission, resourceRef: systemId });
  if (loading) return { allowed: false, reason: t('permission.checking') };
  return allowed ? { allowed } : { allowed, reason: roles.needsRole(permission.name) };
}

/** Like {@link useSystemPermission} for a permission without a resource; `deniedReason` explains a denial. */
export function useBasicPermission(permission: BasicPermission, deniedReason: string): PermissionState {
  const { t } = useTranslationRef(cccTranslationRef);
  const { allowed, loading } = usePermission({ permission });
  if (loading) return { allowed: false, reason: t('permission.checking') };
  return allowed ? { allowed } : { allowed, reason: deniedReason };
}
