import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { cccCallDataReadPermission } from '@internal/plugin-ccc-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { ReactNode } from 'react';
import { cccTranslationRef } from '../../translation';
import { useRoleTexts } from '../common/roles';

/**
 * Renders its children only when the user may read the system's call data; otherwise it says so and which roles
 * may. Checked before the list is asked for, so a user without the role sees an explanation instead of a 403.
 */
export function CallDataReadGate({ systemId, children }: { systemId: string; children: ReactNode }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const { allowed, loading } = usePermission({ permission: cccCallDataReadPermission, resourceRef: systemId });
  if (loading) return <Progress />;
  if (allowed) return <>{children}</>;
  return (
    <Alert severity="warning" data-testid="ccc-calldata-no-access">
      <AlertTitle>{t('callData.noAccessTitle')}</AlertTitle>
      <Typography variant="body2" paragraph>
        {t('callData.noAccess')}
      </Typography>
      <Typography variant="body2">{roles.needsRole(cccCallDataReadPermission.name)}</Typography>
    </Alert>
  );
}
