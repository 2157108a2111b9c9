import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccScorecard, SCORE_CHECKS } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { SortableHeaderCell } from '../common/SortableHeaderCell';
import { errorMessage } from '../common/errors';
import { CheckIcon } from './CheckIcon';
import { ScoreBadge } from './ScoreBadge';
import { ScorecardOrder, ScorecardSortKey, sortScorecards } from './sortScorecards';
import { SystemEntityLink } from './SystemEntityLink';
import { useCheckTexts } from './useCheckTexts';

/** The checks of a card in the fixed display order, so the icons line up from row to row. */
function orderedChecks(card: CccScorecard) {
  return SCORE_CHECKS.flatMap(id => card.checks.filter(check => check.id === id));
}

/**
 * The Health tab of the CCC page: one row per system with its score, every
 * check as an icon, and what needs attention in words. Worst first by
 * default, so the systems to look at come first.
 */
export function HealthPage() {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useCheckTexts();
  const { value: cards, loading, error, retry } = useAsyncRetry(() => api.listScorecards(), [api]);
  const [order, setOrder] = useState<ScorecardOrder>({ key: 'score', direction: 'asc' });
  const rows = useMemo(() => sortScorecards(cards ?? [], order), [cards, order]);

  const sortBy = (key: ScorecardSortKey) =>
    setOrder(prev => ({ key, direction: prev.key === key && prev.direction === 'asc' ? 'desc' : 'asc' }));
  const column = (key: ScorecardSortKey, label: string) => (
    <SortableHeaderCell column={key} label={label} sortKey={order.key} direction={order.direction} onSort={sortBy} />
  );

  let body;
  if (loading && !cards) {
    body = <Progress />;
  } else if (error) {
    body = <Alert severity="error">{t('health.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (rows.length === 0) {
    body = <EmptyState missing="data" title={t('health.emptyTitle')} description={t('health.emptyDescription')} />;
  } else {
    body = (
      <Table size="small" aria-label={t('health.title')}>
        <TableHead>
          <TableRow>
            {column('name', t('health.columns.system'))}
            {column('score', t('health.columns.score'))}
            <TableCell>{t('health.columns.checks')}</TableCell>
            <TableCell>{t('health.columns.findings')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(card => {
            const checks = orderedChecks(card);
            const findings = checks.filter(check => check.status === 'warn' || check.status === 'fail');
            return (
              <TableRow key={card.systemId} hover>
                {/* MUI v4 gives a body cell with `component` the role "cell"; this one heads its row. */}
                <TableCell component="th" scope="row" role="rowheader">
                  <SystemEntityLink name={card.name} serialNumber={card.serialNumber} />
                </TableCell>
                <TableCell>
                  <ScoreBadge score={card.score} />
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {checks.map(check => (
                    <CheckIcon key={check.id} check={check} />
                  ))}
                </TableCell>
                <TableCell>
                  {findings.length === 0 ? (
                    <Typography variant="body2" color="textSecondary">
                      {card.score === null ? t('health.summaryNoScore') : t('health.allPassed')}
                    </Typography>
                  ) : (
                    findings.map(check => (
                      <Typography key={check.id} variant="body2">
                        {t('health.finding', { check: texts.name(check), explanation: texts.explanation(check) })}
                      </Typography>
                    ))
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );
  }

  return (
    <InfoCard
      title={t('health.title')}
      subheader={t('health.description')}
      action={
        <Box display="flex" alignItems="center">
          <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
            <RefreshIcon />
          </IconButton>
        </Box>
      }
    >
      {body}
    </InfoCard>
  );
}
