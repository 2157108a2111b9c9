import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import CopyIcon from '@material-ui/icons/FileCopyOutlined';
import DoneIcon from '@material-ui/icons/Done';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import { cccTranslationRef } from '../../translation';

/**
 * Copies the status information as plain text. Where the browser offers no
 * clipboard (an http origin, a denied permission) the text is shown in a
 * field instead, so it can still be selected and copied by hand.
 */
export function CopyStatusButton({ text }: { text: string }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result !== 'copied') return undefined;
    // Back to the plain label after a moment so a second copy is acknowledged again.
    const timer = setTimeout(() => setResult(null), 2000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      // `navigator.clipboard` is undefined outside secure contexts; the call then throws as well.
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };

  return (
    <Box mt={2}>
      <Button
        variant="outlined"
        size="small"
        onClick={copy}
        startIcon={result === 'copied' ? <DoneIcon fontSize="small" /> : <CopyIcon fontSize="small" />}
      >
        {t('dashboard.status.copy')}
      </Button>
      {result === 'copied' && (
        <Typography variant="caption" color="textSecondary" role="status" style={{ marginLeft: 8 }}>
          {t('dashboard.status.copied')}
        </Typography>
      )}
      {result === 'failed' && (
        <Box mt={1}>
          <Alert severity="warning">{t('dashboard.status.copyFailed')}</Alert>
          <TextField
            value={text}
            multiline
            fullWidth
            variant="outlined"
            margin="dense"
            inputProps={{
              readOnly: true,
              'aria-label': t('dashboard.status.copyText'),
            }}
            onFocus={e => e.target.select()}
          />
        </Box>
      )}
    </Box>
  );
}
