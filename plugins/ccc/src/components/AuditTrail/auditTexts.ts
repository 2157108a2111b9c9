import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccAuditEvent, CccRole } from '@internal/plugin-ccc-common';
import { useMemo } from 'react';
import { cccMessages, cccTranslationRef } from '../../translation';
import { useRoleTexts } from '../common/roles';

type ActionKey = keyof typeof cccMessages.audit.actions;

/** `system.token.renew` → `systemTokenRenew`, if there is a text for it. */
function actionKey(action: string): ActionKey | undefined {
  const key = action.replace(/\.(\w)/g, (_match, letter: string) => letter.toUpperCase());
  return key in cccMessages.audit.actions ? (key as ActionKey) : undefined;
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Texts of audit events: the action in words, and the details as `key: value` pairs. */
export function useAuditTexts() {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  return useMemo(
    () => ({
      // Actions added to the backend later show their technical name until they get a text.
      action: (event: CccAuditEvent) => {
        const key = actionKey(event.action);
        return key ? t(`audit.actions.${key}`) : event.action;
      },
      details: (event: CccAuditEvent) =>
        Object.entries(event.details)
          .map(([key, value]) =>
            key === 'roles' && Array.isArray(value)
              ? `${key}: ${roles.list(value as CccRole[])}`
              : `${key}: ${valueText(value)}`,
          )
          .join('; '),
    }),
    [t, roles],
  );
}
