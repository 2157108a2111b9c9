import { useTranslationRef } from '@backstage/frontend-plugin-api';
import TablePagination from '@material-ui/core/TablePagination';
import { cccTranslationRef } from '../../translation';

/** Page sizes the paged tables offer. */
export const PAGE_SIZES = [25, 50, 100];

/**
 * The pagination under a table the backend pages, in the user's language. Choosing another page size goes back
 * to the first page: the old page number may not exist any more.
 */
export function TablePager({
  count,
  page,
  rowsPerPage,
  onPageChange,
  onRowsPerPageChange,
}: {
  /** Rows in all pages. */
  count: number;
  /** From 0. */
  page: number;
  rowsPerPage: number;
  onPageChange(page: number): void;
  onRowsPerPageChange(rowsPerPage: number): void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <TablePagination
      component="div"
      count={count}
      page={page}
      rowsPerPage={rowsPerPage}
      rowsPerPageOptions={PAGE_SIZES}
      onPageChange={(_event, next) => onPageChange(next)}
      onRowsPerPageChange={event => {
        onRowsPerPageChange(Number(event.target.value));
        onPageChange(0);
      }}
      labelRowsPerPage={t('common.rowsPerPage')}
      backIconButtonText={t('common.previousPage')}
      nextIconButtonText={t('common.nextPage')}
      labelDisplayedRows={({ from, to, count: total }) =>
        t('common.pageRange', { from: String(from), to: String(to), total: String(total) })
      }
    />
  );
}
