import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CALL_DATA_EXPORT_FILE_NAME, CallDataSortColumn } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import RefreshIcon from '@material-ui/icons/Refresh';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CallDataExportParams, CallDataFilters, CallDataListParams, CccCallDataPage } from '../../api/callDataTypes';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { WithReason } from '../common/WithReason';
import { CALL_DATA_PAGE_SIZE, firstOrderOf, hasFilters, mergeFilters } from './callDataFormat';
import { CallDataFilterBar } from './CallDataFilterBar';
import { CallDataPager } from './CallDataPager';
import { CallDataTable } from './CallDataTable';
import { ExportCallDataDialog } from './ExportCallDataDialog';

/** What the list shows: filters, sort and page. */
interface View {
  filters: CallDataFilters;
  sort: CallDataSortColumn;
  order: 'asc' | 'desc';
  /** 0-based. */
  pageIndex: number;
  /** Keyset paging: `cursors[i]` opens page i + 1; kept so that "previous" can go back. */
  cursors: string[];
}

const flip = (order: 'asc' | 'desc') => (order === 'asc' ? 'desc' : 'asc');

const INITIAL_VIEW: View = { filters: {}, sort: 'startAt', order: 'desc', pageIndex: 0, cursors: [] };

/** Props of {@link CallDataBrowser}. */
export interface CallDataBrowserProps {
  /** Loads a page; a new function (another system) starts again. */
  load: (params: CallDataListParams) => Promise<CccCallDataPage>;
  /** Downloads gespr_dat.csv of the filters. */
  exportFile: (params: CallDataExportParams) => Promise<Blob>;
  /** Why the export is not possible (permission), if it is not. */
  exportDeniedReason?: string;
  /** Shown above the filters, e.g. that the system does not collect. */
  notice?: ReactNode;
  /** The fleet view: a column with the system's name. */
  showSystem?: boolean;
  /** Subheader of the card; the system tab's by default. */
  subheader?: string;
}

/**
 * Call data to browse, of one system or of the fleet: search and filters, the table sorted and paged by the
 * backend, and the export. Sorted by start time the pages follow the backend's keyset cursor, otherwise page
 * numbers (offset).
 */
export function CallDataBrowser(props: CallDataBrowserProps) {
  const { load, exportFile, exportDeniedReason, notice, showSystem, subheader } = props;
  const { t } = useTranslationRef(cccTranslationRef);
  const [view, setView] = useState<View>(INITIAL_VIEW);
  // Bumped to mount the filter bar anew, which empties its inputs.
  const [filterBarKey, setFilterBarKey] = useState(0);
  const [exportOpen, setExportOpen] = useState(false);

  const keyset = view.sort === 'startAt';
  const params = useMemo<CallDataListParams>(
    () => ({
      ...view.filters,
      sort: view.sort,
      order: view.order,
      limit: CALL_DATA_PAGE_SIZE,
      ...(keyset
        ? { cursor: view.pageIndex > 0 ? view.cursors[view.pageIndex - 1] : undefined }
        : { offset: view.pageIndex > 0 ? view.pageIndex * CALL_DATA_PAGE_SIZE : undefined }),
    }),
    [view, keyset],
  );
  const {
    value: page,
    loading,
    error,
    retry,
  } = useAsyncRetry(() => load(params), [load, params]);

  // A new filter or sort starts again at the first page; the old cursors belong to the old result.
  const changeFilters = (patch: Partial<CallDataFilters>) =>
    setView(prev => {
      const filters = mergeFilters(prev.filters, patch);
      return filters === prev.filters ? prev : { ...prev, filters, pageIndex: 0, cursors: [] };
    });
  const sortBy = (column: CallDataSortColumn) =>
    setView(prev => ({
      ...prev,
      sort: column,
      order: prev.sort === column ? flip(prev.order) : firstOrderOf(column),
      pageIndex: 0,
      cursors: [],
    }));
  const goToPage = (pageIndex: number) =>
    setView(prev => {
      if (!keyset) return { ...prev, pageIndex };
      // Forward along the keyset: remember the cursor the current page handed out.
      const cursors =
        pageIndex > prev.pageIndex && page?.nextCursor
          ? [...prev.cursors.slice(0, prev.pageIndex), page.nextCursor]
          : prev.cursors;
      return { ...prev, pageIndex, cursors };
    });
  const resetFilters = () => {
    setView(prev => ({ ...prev, filters: {}, pageIndex: 0, cursors: [] }));
    setFilterBarKey(key => key + 1);
  };

  const filtered = hasFilters(view.filters);
  const total = page?.totalCount ?? 0;
  const exportReason = exportDeniedReason ?? (page && total === 0 ? t('callData.export.nothing') : undefined);

  let body;
  if (loading && !page) {
    body = <Progress />;
  } else if (error) {
    body = <Alert severity="error">{t('callData.loadError', { message: errorMessage(error) })}</Alert>;
  } else if (!page || page.items.length === 0) {
    body = filtered ? (
      <EmptyState
        missing="data"
        title={t('callData.noMatchTitle')}
        description={t('callData.noMatchDescription')}
        action={<Button onClick={resetFilters}>{t('callData.filters.reset')}</Button>}
      />
    ) : (
      <EmptyState missing="data" title={t('callData.emptyTitle')} description={t('callData.emptyDescription')} />
    );
  } else {
    body = (
      <>
        {/* Keeps the old page in view while the next one loads, so the table does not jump. */}
        <Box height={4}>{loading && <LinearProgress />}</Box>
        <Box overflow="auto">
          <CallDataTable
            records={page.items}
            sort={view.sort}
            order={view.order}
            onSort={sortBy}
            systemNames={showSystem ? page.systemNames ?? {} : undefined}
          />
        </Box>
        <CallDataPager
          keyset={keyset}
          pageIndex={view.pageIndex}
          pageSize={CALL_DATA_PAGE_SIZE}
          shown={page.items.length}
          total={total}
          hasNext={page.nextCursor !== null}
          disabled={loading}
          onPage={goToPage}
        />
        {page.masked && (
          <Typography variant="caption" color="textSecondary" component="p">
            {t('callData.masked')}
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title={t('callData.title')}
      subheader={subheader ?? t('callData.subheader')}
      action={
        <Box display="flex" alignItems="center">
          <IconButton aria-label={t('common.refresh')} title={t('common.refresh')} onClick={retry} disabled={loading}>
            <RefreshIcon />
          </IconButton>
          <WithReason reason={exportReason}>
            <Button
              color="primary"
              variant="contained"
              startIcon={<GetAppIcon />}
              title={exportReason ? undefined : t('callData.export.hint', { fileName: CALL_DATA_EXPORT_FILE_NAME })}
              disabled={!!exportReason || !page}
              onClick={() => setExportOpen(true)}
            >
              {t('callData.export.button')}
            </Button>
          </WithReason>
        </Box>
      }
    >
      {notice}
      <Box display="flex" alignItems="flex-start" flexWrap="wrap">
        <Box flexGrow={1}>
          <CallDataFilterBar key={filterBarKey} onChange={changeFilters} />
        </Box>
        {filtered && (
          <Button size="small" onClick={resetFilters} style={{ marginTop: 4 }}>
            {t('callData.filters.reset')}
          </Button>
        )}
      </Box>
      {body}
      <ExportCallDataDialog
        open={exportOpen}
        exportFile={exportFile}
        filters={view.filters}
        total={total}
        fleet={showSystem}
        onClose={() => setExportOpen(false)}
      />
    </InfoCard>
  );
}
