import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { PairingToken } from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { cccTranslationRef } from '../../translation';
import { PairingTokenPanel } from './PairingTokenPanel';

/** Shows a newly issued confirmation code ("Pair again") until the user closes it. */
export function PairingTokenDialog({
  systemName,
  token,
  onClose,
}: {
  systemName: string;
  token: PairingToken | null;
  onClose: () => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  return (
    <Dialog open={token !== null} onClose={onClose} aria-labelledby="ccc-pairing-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="ccc-pairing-dialog-title">{t('pairing.dialogTitle', { name: systemName })}</DialogTitle>
      <DialogContent>{token && <PairingTokenPanel token={token} />}</DialogContent>
      <DialogActions>
        <Button onClick={onClose} color="primary">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
