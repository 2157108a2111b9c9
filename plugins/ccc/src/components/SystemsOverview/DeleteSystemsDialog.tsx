import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { cccTranslationRef } from '../../translation';

/** Asks before deleting; names the count and the systems so nobody deletes the wrong ones. */
export function DeleteSystemsDialog({
  systems,
  open,
  deleting,
  onCancel,
  onConfirm,
}: {
  systems: CccSystem[];
  open: boolean;
  deleting: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <Dialog open={open} onClose={deleting ? undefined : onCancel} aria-labelledby="ccc-delete-dialog-title">
      <DialogTitle id="ccc-delete-dialog-title">{t('deleteDialog.title', { count: systems.length })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('deleteDialog.description')}</DialogContentText>
        <ul>
          {systems.map(system => (
            <li key={system.id}>
              {system.name} ({system.serialNumber})
            </li>
          ))}
        </ul>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={deleting}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onConfirm} disabled={deleting} color="secondary" variant="contained">
          {deleting ? t('deleteDialog.deleting') : t('deleteDialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
