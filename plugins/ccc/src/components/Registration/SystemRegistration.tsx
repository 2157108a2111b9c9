import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { FilterField } from '../common/FilterField';
import { filterPhones, filterTrunks } from './filterRegistration';
import { PhonesTable } from './PhonesTable';
import { TrunksTable } from './TrunksTable';
import { useRegistrationTexts } from './useRegistrationTexts';

/**
 * Registration status of one system (manual: "Registrierungsstatus"): its
 * phones and its provider accounts, read live from the device, each list
 * filterable by what the user types.
 */
export function SystemRegistration({ system }: { system: CccSystem }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  const format = useDateFormat();
  const { value, loading, error, retry } = useAsyncRetry(() => api.getRegistration(system.id), [api, system.id]);
  const [phoneFilter, setPhoneFilter] = useState('');
  const [trunkFilter, setTrunkFilter] = useState('');

  const phones = useMemo(() => filterPhones(value?.phones ?? [], phoneFilter, texts), [value, phoneFilter, texts]);
  const trunks = useMemo(() => filterTrunks(value?.trunks ?? [], trunkFilter, texts), [value, trunkFilter, texts]);

  if (loading && !value) return <Progress />;
  if (!value) {
    // The device may be offline or restarting: the backend's sentence says which, and trying again may help.
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={retry}>
            {t('common.refresh')}
          </Button>
        }
      >
        {t('registration.loadError', { message: errorMessage(error) })}
      </Alert>
    );
  }

  const readAt = format.dateTime(value.phones[0]?.readAt ?? value.trunks[0]?.readAt);
  const refresh = (
    <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
      <RefreshIcon />
    </IconButton>
  );
  const noMatch = (filter: string, none: string) => (filter.trim() ? t('registration.noMatch', { filter }) : none);

  return (
    <Grid container spacing={3}>
      {error && (
        <Grid item xs={12}>
          <Alert severity="error">{t('registration.loadError', { message: errorMessage(error) })}</Alert>
        </Grid>
      )}
      {readAt && (
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary">
            {t('registration.readAt', { time: readAt })}
          </Typography>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title={t('registration.phonesTitle')}
          action={
            <Box display="flex" alignItems="center">
              <FilterField label={t('registration.filterPhones')} value={phoneFilter} onChange={setPhoneFilter} />
              {refresh}
            </Box>
          }
        >
          <PhonesTable phones={phones} emptyText={noMatch(phoneFilter, t('registration.noPhones'))} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={t('registration.trunksTitle')}
          action={
            <Box display="flex" alignItems="center">
              <FilterField label={t('registration.filterTrunks')} value={trunkFilter} onChange={setTrunkFilter} />
              {refresh}
            </Box>
          }
        >
          <TrunksTable trunks={trunks} emptyText={noMatch(trunkFilter, t('registration.noTrunks'))} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
