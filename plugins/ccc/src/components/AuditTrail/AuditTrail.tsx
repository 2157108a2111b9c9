import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccAuditEvent } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AuditPage } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { useAuditTexts } from './auditTexts';

/** Events per request; the backend allows up to 500, a page of 50 keeps the first view quick. */
export const AUDIT_PAGE_SIZE = 50;

interface State {
  events: CccAuditEvent[];
  loading: boolean;
  error?: unknown;
  /** Whether the last page was full, so older events may exist. */
  more: boolean;
}

/**
 * An audit trail, newest first, with "Load more" paging backwards by event
 * id (`before`). `load` is the system's or the fleet's list call;
 * `targetName` names the system or group of an event where the view mixes
 * several (the fleet view).
 */
export function AuditTrail({
  load,
  targetName,
  ariaLabel,
}: {
  load: (page: AuditPage) => Promise<CccAuditEvent[]>;
  targetName?: (event: CccAuditEvent) => string | null;
  ariaLabel: string;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const texts = useAuditTexts();
  const [state, setState] = useState<State>({ events: [], loading: true, more: false });
  // An answer for a trail no longer shown (another system) must not land in this one.
  const currentLoad = useRef(load);

  const fetchPage = useCallback(
    async (before: number | undefined, previous: CccAuditEvent[]) => {
      setState(prev => ({ ...prev, loading: true, error: undefined }));
      try {
        const page = await load({ limit: AUDIT_PAGE_SIZE, before });
        if (currentLoad.current !== load) return;
        setState({ events: [...previous, ...page], loading: false, more: page.length === AUDIT_PAGE_SIZE });
      } catch (error) {
        if (currentLoad.current !== load) return;
        setState(prev => ({ ...prev, loading: false, error }));
      }
    },
    [load],
  );

  useEffect(() => {
    currentLoad.current = load;
    setState({ events: [], loading: true, more: false });
    fetchPage(undefined, []);
  }, [load, fetchPage]);

  const { events, loading, error, more } = state;
  if (loading && events.length === 0) return <Progress />;
  if (error && events.length === 0) {
    return <Alert severity="error">{t('audit.loadError', { message: errorMessage(error) })}</Alert>;
  }
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('audit.empty')}
      </Typography>
    );
  }

  return (
    <>
      <Table size="small" aria-label={ariaLabel}>
        <TableHead>
          <TableRow>
            <TableCell>{t('audit.columns.time')}</TableCell>
            <TableCell>{t('audit.columns.actor')}</TableCell>
            <TableCell>{t('audit.columns.action')}</TableCell>
            {targetName && <TableCell>{t('audit.columns.target')}</TableCell>}
            <TableCell>{t('audit.columns.details')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {events.map(event => (
            <TableRow key={event.id}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>{format.dateTime(event.at) ?? event.at}</TableCell>
              <TableCell>
                <EntityName entityRef={event.actorRef} />
              </TableCell>
              <TableCell>{texts.action(event)}</TableCell>
              {targetName && <TableCell>{targetName(event) ?? t('common.none')}</TableCell>}
              <TableCell style={{ wordBreak: 'break-word' }}>{texts.details(event) || t('common.none')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {error && (
        <Alert severity="error" style={{ marginTop: 8 }}>
          {t('audit.loadError', { message: errorMessage(error) })}
        </Alert>
      )}
      {more && (
        <Box mt={1} display="flex" justifyContent="center">
          <Button onClick={() => fetchPage(events[events.length - 1].id, events)} disabled={loading} variant="outlined">
            {loading ? t('common.loadingMore') : t('common.loadMore')}
          </Button>
        </Box>
      )}
    </>
  );
}
