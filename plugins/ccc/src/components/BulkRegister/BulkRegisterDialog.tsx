import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  BulkRegistrationResult,
  MAX_BULK_REGISTRATION,
  RegisterSystemRequest,
  registerSystemRequestSchema,
} from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ChangeEvent, useMemo, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useDateFormat } from '../common/useDateFormat';
import { parseRegistrationCsv, RegistrationCsvRow } from './parseRegistrationCsv';
import { registrationResultsCsv } from './registrationResultsCsv';

/** The text of a chosen file (FileReader: older browsers and jsdom lack Blob.text()). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsText(file, 'utf-8');
  });
}

/** A row of the file with what the shared schema says of it. */
interface CheckedRow {
  row: RegistrationCsvRow;
  request?: RegisterSystemRequest;
  error?: string;
}

/**
 * Registers many COMtrexx systems from a CSV file (or pasted text): the rows
 * are checked here first with the same schema the backend uses, the valid
 * ones go in one request, and every row shows its outcome — the confirmation
 * code of a registered system, or why it was refused — with the codes to
 * download for the people who confirm them on the devices.
 */
export function BulkRegisterDialog({
  open,
  onClose,
  onRegistered,
}: {
  open: boolean;
  onClose: () => void;
  onRegistered: () => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const dates = useDateFormat();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);
  const [results, setResults] = useState<Array<{ row: RegistrationCsvRow; result: BulkRegistrationResult }> | null>(null);

  const parsed = useMemo(() => (text.trim() ? parseRegistrationCsv(text) : null), [text]);
  const checked: CheckedRow[] = useMemo(() => {
    if (!parsed || !('rows' in parsed)) return [];
    return parsed.rows.map(row => {
      const { line: _line, ...fields } = row;
      const result = registerSystemRequestSchema.safeParse(fields);
      if (result.success) return { row, request: result.data };
      const field = result.error.issues[0]?.path[0];
      if (field === 'name') return { row, error: t('register.errors.nameRequired') };
      if (field === 'catalogOwnerRef') return { row, error: t('register.errors.ownerInvalid') };
      return { row, error: t('register.errors.serialNumberInvalid') };
    });
  }, [parsed, t]);
  const valid = checked.filter(c => c.request);
  // Two rows with one serial number: the second would be refused anyway; say so before sending.
  const duplicates = useMemo(() => {
    const seen = new Map<string, number>();
    const lines = new Set<number>();
    for (const c of valid) {
      const serial = c.request!.serialNumber;
      if (seen.has(serial)) lines.add(c.row.line);
      else seen.set(serial, c.row.line);
    }
    return lines;
  }, [valid]);
  const toSend = valid.filter(c => !duplicates.has(c.row.line));

  const reset = () => {
    setText('');
    setFileName(null);
    setReadError(null);
    setBackendError(null);
    setResults(null);
  };
  const close = () => {
    if (submitting) return;
    reset();
    onClose();
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    setReadError(null);
    setBackendError(null);
    try {
      setText(await readText(file));
      setFileName(file.name);
    } catch (e) {
      setReadError(t('bulkRegister.readFailed', { message: errorMessage(e) }));
    } finally {
      // Choosing the same file again after editing it must fire another change.
      input.value = '';
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setBackendError(null);
    try {
      const answer = await api.registerSystems(toSend.map(c => c.request!));
      // Rows are numbered from 1 in the order they were sent.
      setResults(toSend.map((c, i) => ({ row: c.row, result: answer.find(r => r.row === i + 1) ?? answer[i] })));
      if (answer.some(r => r.ok)) onRegistered();
    } catch (e) {
      setBackendError(t('bulkRegister.failed', { message: errorMessage(e) }));
    } finally {
      setSubmitting(false);
    }
  };

  const download = () => {
    const blob = new Blob([registrationResultsCsv(results ?? [])], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'ccc-registrations.csv';
    link.click();
    URL.revokeObjectURL(url);
  };

  const problem = parsed && 'problem' in parsed ? parsed.problem : null;
  const registered = results?.filter(r => r.result.ok).length ?? 0;

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-bulk-register-title" maxWidth="md" fullWidth>
      <DialogTitle id="ccc-bulk-register-title">{t('bulkRegister.title')}</DialogTitle>
      <DialogContent>
        {results ? (
          <>
            <Alert severity={registered === results.length ? 'success' : 'warning'}>
              {t('bulkRegister.summary', { registered: String(registered), refused: String(results.length - registered) })}
            </Alert>
            <Table size="small" aria-label={t('bulkRegister.resultsLabel')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('bulkRegister.line')}</TableCell>
                  <TableCell>{t('register.name')}</TableCell>
                  <TableCell>{t('register.serialNumber')}</TableCell>
                  <TableCell>{t('bulkRegister.outcome')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {results.map(({ row, result }) => (
                  <TableRow key={row.line}>
                    <TableCell>{row.line}</TableCell>
                    <TableCell>{row.name}</TableCell>
                    <TableCell>{result.serialNumber ?? row.serialNumber}</TableCell>
                    <TableCell>
                      {result.ok && result.token
                        ? t('bulkRegister.registered', {
                            code: result.token.code,
                            until: dates.dateTime(result.token.expiresAt) ?? result.token.expiresAt,
                          })
                        : t('bulkRegister.refused', { message: result.error ?? '' })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : (
          <>
            <Typography variant="body2" paragraph>
              {t('bulkRegister.intro', { max: String(MAX_BULK_REGISTRATION) })}
            </Typography>
            <Typography variant="body2" component="pre" style={{ background: 'rgba(0,0,0,0.05)', padding: 8 }}>
              {'name;serialNumber;catalogOwnerRef\nZentrale;CTX000111222;group:default/telephony\nFiliale Nord;CTX000333444;'}
            </Typography>
            <Button variant="outlined" component="label" disabled={submitting}>
              {t('bulkRegister.chooseFile')}
              <input
                type="file"
                accept=".csv,text/csv,text/plain"
                hidden
                onChange={readFile}
                data-testid="ccc-bulk-register-file"
              />
            </Button>
            {fileName && (
              <Typography variant="body2" component="span" style={{ marginLeft: 8 }}>
                {fileName}
              </Typography>
            )}
            <TextField
              id="ccc-bulk-register-text"
              label={t('bulkRegister.pasteLabel')}
              value={text}
              onChange={e => {
                setText(e.target.value);
                setFileName(null);
                setBackendError(null);
              }}
              multiline
              minRows={4}
              maxRows={10}
              fullWidth
              margin="normal"
              variant="outlined"
              disabled={submitting}
              inputProps={{ spellCheck: false }}
            />
            {readError && <Alert severity="error">{readError}</Alert>}
            {problem && <Alert severity="error">{t(`bulkRegister.fileErrors.${problem}`, { max: String(MAX_BULK_REGISTRATION) })}</Alert>}
            {checked.length > 0 && (
              <>
                <Typography variant="body2" style={{ marginTop: 8 }}>
                  {t('bulkRegister.checked', { ready: String(toSend.length), invalid: String(checked.length - toSend.length) })}
                </Typography>
                <Table size="small" aria-label={t('bulkRegister.previewLabel')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('bulkRegister.line')}</TableCell>
                      <TableCell>{t('register.name')}</TableCell>
                      <TableCell>{t('register.serialNumber')}</TableCell>
                      <TableCell>{t('register.owner')}</TableCell>
                      <TableCell>{t('bulkRegister.check')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {checked.map(c => (
                      <TableRow key={c.row.line}>
                        <TableCell>{c.row.line}</TableCell>
                        <TableCell>{c.row.name}</TableCell>
                        <TableCell>{c.request?.serialNumber ?? c.row.serialNumber}</TableCell>
                        <TableCell>{c.row.catalogOwnerRef ?? t('common.none')}</TableCell>
                        <TableCell>
                          {c.error ?? (duplicates.has(c.row.line) ? t('bulkRegister.duplicate') : t('bulkRegister.ready'))}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </>
            )}
            {submitting && <LinearProgress style={{ marginTop: 8 }} aria-label={t('bulkRegister.submitting')} />}
            {backendError && (
              <Alert severity="error" style={{ marginTop: 8 }}>
                {backendError}
              </Alert>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        {results ? (
          <>
            <Button onClick={download} disabled={registered === 0}>
              {t('bulkRegister.download')}
            </Button>
            <Button onClick={close} color="primary" variant="contained">
              {t('register.done')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close} disabled={submitting}>
              {t('common.cancel')}
            </Button>
            <Button color="primary" variant="contained" disabled={submitting || toSend.length === 0} onClick={submit}>
              {submitting ? t('bulkRegister.submitting') : t('bulkRegister.submit', { count: toSend.length })}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
