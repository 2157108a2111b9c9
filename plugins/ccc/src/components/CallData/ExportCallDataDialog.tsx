import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CALL_DATA_EXPORT_FILE_NAME } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import CircularProgress from '@material-ui/core/CircularProgress';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import GetAppIcon from '@material-ui/icons/GetApp';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { useEffect, useId, useState } from 'react';
import { CallDataExportParams, CallDataFilters } from '../../api/callDataTypes';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { saveBlob } from './saveBlob';

/** Props of {@link ExportCallDataDialog}. */
export interface ExportCallDataDialogProps {
  open: boolean;
  /** Downloads the file (a system's or the fleet's). */
  exportFile: (params: CallDataExportParams) => Promise<Blob>;
  /** The list's current filters: the file holds what the list shows, on every page. */
  filters: CallDataFilters;
  /** Records matching the filters, as the list last counted them. */
  total: number;
  /**
   * The fleet's file: it holds only the systems whose call data the user may export, which may be fewer than the
   * list (read permission) counted, so the count is an upper bound there.
   */
  fleet?: boolean;
  onClose: () => void;
}

/**
 * Exports the call data as gespr_dat.csv (manual: "Exportieren"). Call data are personal data, so the manual's
 * legal notice comes first and the download starts only once the user has ticked that they read it; the backend
 * refuses an export without that acknowledgement as well. The dialog stays open while the file is prepared.
 */
export function ExportCallDataDialog({ open, exportFile, filters, total, fleet, onClose }: ExportCallDataDialogProps) {
  const { t } = useTranslationRef(cccTranslationRef);
  const titleId = useId();
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Each export is acknowledged anew: the notice is read before every file, not once per page visit.
  useEffect(() => {
    if (open) {
      setAcknowledged(false);
      setError(null);
    }
  }, [open]);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await exportFile({ ...filters, acknowledge: true });
      saveBlob(blob, CALL_DATA_EXPORT_FILE_NAME);
      onClose();
    } catch (e) {
      setError(t('callData.export.failed', { message: errorMessage(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('callData.export.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t(fleet ? 'callData.export.fleetDescription' : 'callData.export.description', {
            fileName: CALL_DATA_EXPORT_FILE_NAME,
            total: total.toLocaleString(),
          })}
        </DialogContentText>
        <Alert severity="warning" role="note" aria-label={t('callData.export.legalNoticeTitle')}>
          <AlertTitle>{t('callData.export.legalNoticeTitle')}</AlertTitle>
          {t('callData.export.legalNotice')}
        </Alert>
        <FormControlLabel
          style={{ marginTop: 8 }}
          control={
            <Checkbox
              checked={acknowledged}
              disabled={busy}
              onChange={e => setAcknowledged(e.target.checked)}
              color="primary"
            />
          }
          label={t('callData.export.acknowledge')}
        />
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={download}
          disabled={!acknowledged || busy}
          color="primary"
          variant="contained"
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : <GetAppIcon />}
        >
          {busy ? t('callData.export.downloading') : t('callData.export.download')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
