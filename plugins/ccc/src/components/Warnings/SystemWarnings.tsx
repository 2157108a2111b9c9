import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { CccSystem, cccWarningsReadPermission, systemGate } from '@internal/plugin-ccc-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { cccTranslationRef } from '../../translation';
import { CccSystemGate } from '../CccSystemGate';
import { useRoleTexts } from '../common/roles';
import { AlertMailLog } from './AlertMailLog';
import { WarningsTable } from './WarningsTable';

/**
 * The warnings of one system and the alert mails sent about them. Reading
 * them needs a role that allows it; asking first spares a request the backend
 * would refuse and lets the page name the roles instead.
 */
export function SystemWarnings({ system }: { system: CccSystem }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const read = usePermission({ permission: cccWarningsReadPermission, resourceRef: system.id });

  if (read.loading) return <Progress />;
  if (!read.allowed) {
    return <Alert severity="info">{roles.needsRole(cccWarningsReadPermission.name)}</Alert>;
  }
  return (
    <Grid container spacing={3}>
      {!systemGate(system).manageable && (
        // Collection stops while the device cannot be managed; what was collected stays readable.
        <Grid item xs={12}>
          <CccSystemGate system={system} />
          <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
            {t('warnings.gateNote')}
          </Typography>
        </Grid>
      )}
      <Grid item xs={12}>
        <WarningsTable systemId={system.id} />
      </Grid>
      <Grid item xs={12}>
        <AlertMailLog systemId={system.id} />
      </Grid>
    </Grid>
  );
}
