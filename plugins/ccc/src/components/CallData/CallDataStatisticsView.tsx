import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccCallDataStatistics } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { BarChart } from './BarChart';
import { formatDuration } from './callDataFormat';

// Numbers and durations break into unreadable pieces in narrow columns; names may wrap instead.
const NO_WRAP = { whiteSpace: 'nowrap' as const };

/** Periods to choose from, in days up to and including today. */
export const STATISTICS_PERIODS = [7, 30, 90, 365] as const;

/** Whole local days: from the start of the day `days - 1` days ago to the start of tomorrow. */
export function periodOf(days: number, now = new Date()): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * Statistics of the call data of one system (`systemId`) or of the fleet (null) over a chosen period, in the
 * browser's time zone: key figures, calls per day and per hour of day as bar charts, and the busiest extensions,
 * lines and external partners as tables; numbers masked as in the list.
 */
export function CallDataStatisticsView({ systemId }: { systemId: string | null }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const [days, setDays] = useState<number>(30);
  const timeZone = useMemo(() => new Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const { value, loading, error } = useAsync(
    () => api.getCallDataStatistics(systemId, { ...periodOf(days), timeZone }),
    [api, systemId, days, timeZone],
  );

  let body: ReactNode;
  if (loading) body = <Progress />;
  else if (error) body = <Alert severity="error">{t('callData.stats.loadError', { message: errorMessage(error) })}</Alert>;
  else if (!value || value.totals.calls === 0) {
    body = (
      <EmptyState missing="data" title={t('callData.stats.emptyTitle')} description={t('callData.stats.emptyDescription')} />
    );
  } else body = <StatisticsBody stats={value} fleet={systemId === null} />;

  return (
    <InfoCard
      title={t('callData.stats.title')}
      subheader={systemId === null ? t('callData.stats.fleetSubheader') : t('callData.stats.subheader')}
      action={
        <TextField
          select
          size="small"
          variant="outlined"
          label={t('callData.stats.period')}
          value={days}
          onChange={e => setDays(Number(e.target.value))}
        >
          {STATISTICS_PERIODS.map(d => (
            <MenuItem key={d} value={d}>
              {t('callData.stats.lastDays', { days: String(d) })}
            </MenuItem>
          ))}
        </TextField>
      }
    >
      {body}
    </InfoCard>
  );
}

function StatisticsBody({ stats, fleet }: { stats: CccCallDataStatistics; fleet: boolean }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const none = t('common.none');
  const { totals } = stats;
  const seconds = (value: number | null) => (value === null ? none : formatDuration(Math.round(value)));
  const figures: Array<[string, string, string?]> = [
    [t('callData.stats.calls'), totals.calls.toLocaleString()],
    [t('callData.stats.answered'), totals.answered.toLocaleString()],
    [
      t('callData.stats.answeredShare'),
      totals.answeredShare === null ? none : `${(totals.answeredShare * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })} %`,
    ],
    [t('callData.stats.averageDuration'), seconds(totals.averageDurationSeconds)],
    [t('callData.stats.medianDuration'), seconds(totals.medianDurationSeconds)],
    [
      t('callData.stats.peakConcurrent'),
      stats.peakConcurrent.calls.toLocaleString(),
      stats.peakConcurrent.at
        ? t('callData.stats.peakAt', { time: format.dateTimeSeconds(stats.peakConcurrent.at) ?? stats.peakConcurrent.at })
        : undefined,
    ],
  ];
  // Every few days a label, so that a year stays readable.
  const labelEvery = Math.ceil(stats.perDay.length / 12);
  const bar = (label: string, calls: number, answered: number) =>
    t('callData.stats.bar', { label, calls: calls.toLocaleString(), answered: answered.toLocaleString() });

  return (
    <>
      <Grid container spacing={2}>
        {figures.map(([label, figure, note]) => (
          <Grid item xs={6} md={2} key={label}>
            <Typography variant="caption" color="textSecondary" component="p">
              {label}
            </Typography>
            <Typography variant="h5" component="p">
              {figure}
            </Typography>
            {note && (
              <Typography variant="caption" color="textSecondary" component="p">
                {note}
              </Typography>
            )}
          </Grid>
        ))}
      </Grid>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          {t('callData.stats.perDay')}
        </Typography>
        <BarChart
          label={t('callData.stats.perDay')}
          bars={stats.perDay.map((d, i) => ({
            axisLabel: i % labelEvery === 0 ? d.day.slice(5) : '',
            value: d.calls,
            part: d.answered,
            title: bar(d.day, d.calls, d.answered),
          }))}
        />
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h3">
          {t('callData.stats.perHour')}
        </Typography>
        <BarChart
          label={t('callData.stats.perHour')}
          bars={stats.perHourOfDay.map(h => ({
            axisLabel: h.hour % 3 === 0 ? String(h.hour) : '',
            value: h.calls,
            part: h.answered,
            title: bar(`${String(h.hour).padStart(2, '0')}:00`, h.calls, h.answered),
          }))}
        />
      </Box>
      <Grid container spacing={2}>
        <Grid item xs={12} md={6}>
          <Ranking
            title={t('callData.stats.topExtensions')}
            headers={[...(fleet ? [t('callData.stats.system')] : []), t('callData.stats.extension'), t('callData.stats.name')]}
            rows={stats.topExtensions.map(e => ({
              key: `${e.systemId}/${e.extension}`,
              cells: [...(fleet ? [systemName(stats, e.systemId)] : []), e.extension, e.name || none],
              ...e,
            }))}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <Ranking
            title={t('callData.stats.topLines')}
            headers={[...(fleet ? [t('callData.stats.system')] : []), t('callData.stats.line')]}
            rows={stats.topLines.map(l => ({
              key: `${l.systemId}/${l.line}`,
              cells: [...(fleet ? [systemName(stats, l.systemId)] : []), l.line],
              ...l,
            }))}
          />
        </Grid>
        <Grid item xs={12} md={6}>
          <Ranking
            title={t('callData.stats.topExternal')}
            headers={[t('callData.stats.externalNumber')]}
            rows={stats.topExternalNumbers.map(n => ({ key: n.externalNumber, cells: [n.externalNumber], ...n }))}
          />
        </Grid>
        {fleet && (
          <Grid item xs={12} md={6}>
            <Ranking
              title={t('callData.stats.systems')}
              headers={[t('callData.stats.system')]}
              rows={stats.systems.map(s => ({ key: s.systemId, cells: [s.name], ...s }))}
            />
          </Grid>
        )}
      </Grid>
      <Typography variant="caption" color="textSecondary" component="p">
        {t('callData.stats.timeZone', { zone: stats.timeZone })}
        {stats.masked && ` ${t('callData.masked')}`}
      </Typography>
    </>
  );
}

function systemName(stats: CccCallDataStatistics, systemId: string): string {
  return stats.systems.find(s => s.systemId === systemId)?.name ?? systemId;
}

interface RankingRow {
  key: string;
  cells: string[];
  calls: number;
  answered: number;
  talkSeconds?: number;
}

function Ranking({ title, headers, rows }: { title: string; headers: string[]; rows: RankingRow[] }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const withTalk = rows.some(r => r.talkSeconds !== undefined);
  return (
    <Box mt={2}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('callData.stats.noRows')}
        </Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              {headers.map(h => (
                <TableCell key={h}>{h}</TableCell>
              ))}
              <TableCell align="right" style={NO_WRAP}>{t('callData.stats.calls')}</TableCell>
              <TableCell align="right" style={NO_WRAP}>{t('callData.stats.answered')}</TableCell>
              {withTalk && <TableCell align="right" style={NO_WRAP}>{t('callData.stats.talkTime')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.key}>
                {row.cells.map((cell, i) => (
                  <TableCell key={i}>{cell}</TableCell>
                ))}
                <TableCell align="right" style={NO_WRAP}>{row.calls.toLocaleString()}</TableCell>
                <TableCell align="right" style={NO_WRAP}>{row.answered.toLocaleString()}</TableCell>
                {withTalk && <TableCell align="right" style={NO_WRAP}>{formatDuration(row.talkSeconds ?? 0)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
