import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccDashboard } from '@internal/plugin-ccc-common';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import RefreshIcon from '@material-ui/icons/Refresh';
import { cccTranslationRef } from '../../translation';
import { CopyStatusButton } from './CopyStatusButton';
import { HealthResult, statusText, useStatusLines } from './useStatusLines';

/** The dashboard's status information (versions, backend health, the user's systems by state) with a copy button. */
export function StatusCard(props: {
  dashboard: CccDashboard;
  health: HealthResult;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const { dashboard, health, onRefresh, refreshing } = props;
  const { t } = useTranslationRef(cccTranslationRef);
  const lines = useStatusLines(dashboard, health);

  return (
    <InfoCard
      title={t('dashboard.status.title')}
      subheader={t('dashboard.status.subheader')}
      action={
        <IconButton
          aria-label={t('common.refresh')}
          title={t('common.refresh')}
          onClick={onRefresh}
          disabled={refreshing}
        >
          <RefreshIcon />
        </IconButton>
      }
    >
      <Table size="small" aria-label={t('dashboard.status.title')}>
        <TableBody>
          {lines.map(line => (
            <TableRow key={line.label}>
              <TableCell component="th" scope="row" style={line.indent ? { paddingLeft: 32 } : undefined}>
                {line.label}
              </TableCell>
              <TableCell>{line.value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <CopyStatusButton text={statusText(t('dashboard.status.reportTitle'), lines)} />
    </InfoCard>
  );
}
