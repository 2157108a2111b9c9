import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import ChevronLeftIcon from '@material-ui/icons/ChevronLeft';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import Pagination from '@material-ui/lab/Pagination';
import { cccTranslationRef } from '../../translation';

/** Props of {@link CallDataPager}. */
export interface CallDataPagerProps {
  /** Paged by the keyset cursor (sorted by start time): only next and previous, no jumps. */
  keyset: boolean;
  /** 0-based. */
  pageIndex: number;
  pageSize: number;
  /** Records on the current page. */
  shown: number;
  total: number;
  /** Keyset paging: whether the backend handed out a cursor to a next page. */
  hasNext: boolean;
  disabled?: boolean;
  onPage: (pageIndex: number) => void;
}

/**
 * Paging of the call data: "1–50 of 1,234" and, sorted by start time, previous/next along the backend's keyset
 * cursor (fast at any depth); with other sorts page numbers, which the backend serves by offset.
 */
export function CallDataPager(props: CallDataPagerProps) {
  const { keyset, pageIndex, pageSize, shown, total, hasNext, disabled, onPage } = props;
  const { t } = useTranslationRef(cccTranslationRef);
  const first = shown === 0 ? 0 : pageIndex * pageSize + 1;
  const range = t('callData.paging.range', {
    first: first.toLocaleString(),
    last: (pageIndex * pageSize + shown).toLocaleString(),
    total: total.toLocaleString(),
  });

  return (
    <Box display="flex" alignItems="center" justifyContent="flex-end" flexWrap="wrap" mt={1}>
      <Typography variant="body2" color="textSecondary" style={{ marginRight: 8 }}>
        {range}
      </Typography>
      {keyset ? (
        <>
          <IconButton
            size="small"
            aria-label={t('callData.paging.previous')}
            title={t('callData.paging.previous')}
            disabled={disabled || pageIndex === 0}
            onClick={() => onPage(pageIndex - 1)}
          >
            <ChevronLeftIcon />
          </IconButton>
          <IconButton
            size="small"
            aria-label={t('callData.paging.next')}
            title={t('callData.paging.next')}
            disabled={disabled || !hasNext}
            onClick={() => onPage(pageIndex + 1)}
          >
            <ChevronRightIcon />
          </IconButton>
        </>
      ) : (
        <Pagination
          aria-label={t('callData.paging.pages')}
          count={Math.max(1, Math.ceil(total / pageSize))}
          page={pageIndex + 1}
          disabled={disabled}
          size="small"
          onChange={(_event, page) => onPage(page - 1)}
          getItemAriaLabel={(type, page, selected) => {
            if (type === 'previous') return t('callData.paging.previous');
            if (type === 'next') return t('callData.paging.next');
            return selected
              ? t('callData.paging.page', { page: String(page) })
              : t('callData.paging.goToPage', { page: String(page) });
          }}
        />
      )}
    </Box>
  );
}
