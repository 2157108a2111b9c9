import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  cccFirmwareUpdatePermission,
  rolesAllowing,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import AddIcon from '@material-ui/icons/Add';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { CreateRolloutDialog } from './CreateRolloutDialog';
import { RolloutDetails } from './RolloutDetails';
import { RolloutsTable } from './RolloutsTable';

/**
 * The Rollouts tab of the CCC page: every fleet firmware rollout the user
 * may see, running and past, with a dialog to start one; choosing a
 * rollout shows its waves and systems.
 */
export function RolloutsPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const {
    value: items,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => api.listRollouts(), [api]);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  if (selected) {
    return (
      <RolloutDetails
        rolloutId={selected}
        onBack={() => {
          setSelected(null);
          retry();
        }}
      />
    );
  }

  let body;
  if (loading && !items) {
    body = <Progress />;
  } else if (error) {
    body = (
      <Alert severity="error">
        {t('rollouts.loadError', { message: errorMessage(error) })}
      </Alert>
    );
  } else if (!items || items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('rollouts.emptyTitle')}
        description={t('rollouts.emptyDescription', {
          roles: roles.list(rolesAllowing(cccFirmwareUpdatePermission.name)),
        })}
      />
    );
  } else {
    body = <RolloutsTable items={items} onOpen={setSelected} />;
  }

  return (
    <>
      <InfoCard
        title={t('rollouts.title')}
        subheader={t('rollouts.subheader')}
        action={
          <Box display="flex" alignItems="center">
            <Button
              color="primary"
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
            >
              {t('rollouts.create')}
            </Button>
            <IconButton
              aria-label={t('common.refresh')}
              title={t('common.refresh')}
              onClick={retry}
              disabled={loading}
            >
              <RefreshIcon />
            </IconButton>
          </Box>
        }
      >
        {body}
      </InfoCard>
      <CreateRolloutDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={created => {
          setCreating(false);
          setSelected(created.id);
        }}
      />
    </>
  );
}
