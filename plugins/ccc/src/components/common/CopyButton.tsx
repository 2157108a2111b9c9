import { useTranslationRef } from '@backstage/frontend-plugin-api';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import CopyIcon from '@material-ui/icons/FileCopyOutlined';
import DoneIcon from '@material-ui/icons/Done';
import { useEffect, useState } from 'react';
import { cccTranslationRef } from '../../translation';

/**
 * Copies the confirmation code with the asynchronous Clipboard API (the
 * code is pasted into the device's web interface). core-components'
 * CopyTextButton uses the legacy `execCommand` path and a fixed English label.
 */
export function CopyButton({ text, size = 'small' }: { text: string; size?: 'small' | 'medium' }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result !== 'copied') return undefined;
    // Return to the copy icon after a moment so a second copy is acknowledged again.
    const timer = setTimeout(() => setResult(null), 2000);
    return () => clearTimeout(timer);
  }, [result]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setResult('copied');
    } catch {
      // No clipboard permission or an insecure (http) origin: the code stays selectable.
      setResult('failed');
    }
  };

  let title: string = t('token.copy');
  if (result === 'copied') title = t('token.copied');
  if (result === 'failed') title = t('token.copyFailed');

  return (
    <>
      <Tooltip title={title}>
        <IconButton size={size} aria-label={t('token.copy')} onClick={copy}>
          {result === 'copied' ? <DoneIcon fontSize="small" /> : <CopyIcon fontSize="small" />}
        </IconButton>
      </Tooltip>
      {result === 'failed' && (
        <Typography variant="caption" color="error" role="alert">
          {t('token.copyFailed')}
        </Typography>
      )}
    </>
  );
}
