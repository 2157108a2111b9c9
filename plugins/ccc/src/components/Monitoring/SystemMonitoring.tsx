import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CccMonitoringSeries,
  cccMonitoringReadPermission,
  CccSystem,
  MONITORING_RANGES,
  MonitoringRange,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { RANGE_MS, timeTicks, valueTicks } from './chartScale';
import { MonitoringChart } from './MonitoringChart';
import { useMonitoringFormats } from './useMonitoringFormats';

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);

/** The charts of a series that has points; the time axis ends when the series was loaded. */
function Charts({ series, loadedAt }: { series: CccMonitoringSeries; loadedAt: number }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const formats = useMonitoringFormats();
  const { points, range } = series;
  const times = points.map(p => Date.parse(p.ts));
  const from = loadedAt - RANGE_MS[range];
  const axis = {
    times,
    from,
    to: loadedAt,
    // One missing bucket is a hiccup; more is a gap worth showing.
    gapMs: series.resolutionSeconds * 1000 * 2.5,
    xTicks: timeTicks(from, loadedAt, range),
    formatX: formats.tick(range),
  };

  const cpu = {
    avg: points.map(p => p.cpuAvg),
    min: points.map(p => p.cpuMin),
    max: points.map(p => p.cpuMax),
  };
  const percent = formats.percent;

  const memTotal = Math.max(...points.map(p => p.memTotal));
  const bytes = formats.bytes(memTotal);
  const mem = { avg: points.map(p => p.memUsedAvg), max: points.map(p => p.memUsedMax) };

  const minutes = series.resolutionSeconds / 60;
  const resolution =
    minutes >= 60
      ? t('monitoring.resolutionHours', { count: minutes / 60 })
      : t('monitoring.resolutionMinutes', { count: minutes });
  const label = (title: string) =>
    t('monitoring.chartLabel', { title, from: formats.time(from), to: formats.time(loadedAt) });

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <MonitoringChart
          title={t('monitoring.cpuTitle')}
          summary={t('monitoring.cpuSummary', {
            avg: percent(mean(cpu.avg)),
            min: percent(Math.min(...cpu.min)),
            max: percent(Math.max(...cpu.max)),
          })}
          legend={[
            { label: t('monitoring.average'), kind: 'line' },
            { label: t('monitoring.minMax'), kind: 'band' },
          ]}
          describe={i =>
            t('monitoring.pointRange', {
              time: formats.time(times[i]),
              avg: percent(cpu.avg[i]),
              min: percent(cpu.min[i]),
              max: percent(cpu.max[i]),
            })
          }
          chart={{
            ...axis,
            label: label(t('monitoring.cpuTitle')),
            lines: [{ values: cpu.avg }],
            band: { low: cpu.min, high: cpu.max },
            yMax: 100,
            yTicks: valueTicks(100),
            formatY: percent,
          }}
        />
      </Grid>
      <Grid item xs={12} lg={6}>
        <MonitoringChart
          title={t('monitoring.memoryTitle')}
          summary={t('monitoring.memorySummary', {
            avg: bytes(mean(mem.avg)),
            total: bytes(memTotal),
            max: bytes(Math.max(...mem.max)),
          })}
          legend={[
            { label: t('monitoring.average'), kind: 'line' },
            { label: t('monitoring.maximum'), kind: 'dashed' },
          ]}
          describe={i =>
            t('monitoring.pointMaximum', {
              time: formats.time(times[i]),
              avg: bytes(mem.avg[i]),
              max: bytes(mem.max[i]),
            })
          }
          chart={{
            ...axis,
            label: label(t('monitoring.memoryTitle')),
            // The device reports no lowest memory use per bucket: the highest is drawn as a line of its own.
            lines: [{ values: mem.avg }, { values: mem.max, dashed: true }],
            yMax: memTotal,
            yTicks: valueTicks(memTotal),
            formatY: bytes,
          }}
        />
      </Grid>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary">
          {resolution}
        </Typography>
      </Grid>
    </Grid>
  );
}

/**
 * The monitoring of one system (manual: "Überwachung"): CPU load and memory
 * use over the last hour, day, week or month. Says so when recording is
 * switched off on the device or nothing was recorded yet.
 */
export function SystemMonitoring({ system }: { system: CccSystem }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const permission = usePermission({ permission: cccMonitoringReadPermission, resourceRef: system.id });
  const [range, setRange] = useState<MonitoringRange>('day');
  const { value, loading, error, retry } = useAsyncRetry(async () => {
    // Asking before the permission is known would only earn a 403.
    if (!permission.allowed) return undefined;
    const series = await api.getMonitoring(system.id, range);
    return { series, loadedAt: Date.now() };
  }, [api, system.id, range, permission.allowed]);

  let body;
  if (permission.loading) {
    body = <Progress />;
  } else if (!permission.allowed) {
    body = <Alert severity="info">{roles.needsRole(cccMonitoringReadPermission.name)}</Alert>;
  } else if (loading && !value) {
    body = <Progress />;
  } else if (error || !value) {
    body = <Alert severity="error">{t('monitoring.loadError', { message: errorMessage(error) })}</Alert>;
  } else {
    const { series, loadedAt } = value;
    const recordingOff = series.recordingEnabled === false;
    body = (
      <>
        {recordingOff && (
          <Alert severity="warning" style={{ marginBottom: 16 }}>
            <AlertTitle>{t('monitoring.recordingOffTitle')}</AlertTitle>
            {t('monitoring.recordingOff')}
            {series.points.length > 0 && ` ${t('monitoring.recordingOffOldData')}`}
          </Alert>
        )}
        {series.points.length > 0 && <Charts series={series} loadedAt={loadedAt} />}
        {series.points.length === 0 && !recordingOff && (
          <EmptyState
            missing="data"
            title={t('monitoring.emptyTitle')}
            description={t('monitoring.emptyDescription')}
          />
        )}
      </>
    );
  }

  return (
    <InfoCard
      title={t('monitoring.title')}
      action={
        <Box display="flex" alignItems="center">
          <ToggleButtonGroup
            size="small"
            exclusive
            value={range}
            // Clicking the selected range again would deselect it; a range is always chosen.
            onChange={(_event, next: MonitoringRange | null) => next && setRange(next)}
            aria-label={t('monitoring.range')}
          >
            {MONITORING_RANGES.map(r => (
              <ToggleButton key={r} value={r}>
                {t(`monitoring.ranges.${r}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
          <IconButton
            aria-label={t('common.refresh')}
            title={t('common.refresh')}
            onClick={retry}
            disabled={loading || !permission.allowed}
          >
            <RefreshIcon />
          </IconButton>
        </Box>
      }
    >
      {body}
    </InfoCard>
  );
}
