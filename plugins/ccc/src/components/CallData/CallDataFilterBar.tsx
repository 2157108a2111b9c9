import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CallDataDirection } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useId, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { CallDataFilters } from '../../api/callDataTypes';
import { cccTranslationRef } from '../../translation';
import { EXTENSION_PATTERN, localInputToIso } from './callDataFormat';

/** How long typing pauses before a text filter asks the backend again. */
export const FILTER_DEBOUNCE_MS = 400;

/** Props of {@link CallDataFilterBar}. */
export interface CallDataFilterBarProps {
  /** Changed filters; only valid values are passed on. */
  onChange: (patch: Partial<CallDataFilters>) => void;
}

const spacing = { marginRight: 8, marginBottom: 8 };

/**
 * Search and filters of the call data list. It keeps what is typed itself: the texts go to the backend after a
 * pause, the choices at once, and an invalid value (a time range ending before it starts, an extension with
 * letters) is marked and not sent, so the backend never answers 400 to typing. Mount it anew to reset it.
 */
export function CallDataFilterBar({ onChange }: CallDataFilterBarProps) {
  const { t } = useTranslationRef(cccTranslationRef);
  const [q, setQ] = useState('');
  const [extension, setExtension] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [direction, setDirection] = useState('');
  const [success, setSuccess] = useState('');
  // Labels point at their inputs by id; the native selects and date inputs need one to be named.
  const id = useId();

  const extensionValid = extension === '' || EXTENSION_PATTERN.test(extension);
  useDebounce(() => onChange({ q: q.trim() || undefined }), FILTER_DEBOUNCE_MS, [q]);
  useDebounce(
    () => {
      if (extensionValid) onChange({ extension: extension || undefined });
    },
    FILTER_DEBOUNCE_MS,
    [extension],
  );

  const fromIso = localInputToIso(from);
  const toIso = localInputToIso(to);
  const rangeValid = !fromIso || !toIso || Date.parse(fromIso) < Date.parse(toIso);
  const changeRange = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    const f = localInputToIso(nextFrom);
    const u = localInputToIso(nextTo);
    if (!f || !u || Date.parse(f) < Date.parse(u)) onChange({ from: f, to: u });
  };

  return (
    <Box display="flex" alignItems="flex-start" flexWrap="wrap">
      <TextField
        value={q}
        onChange={e => setQ(e.target.value)}
        placeholder={t('callData.filters.search')}
        inputProps={{ 'aria-label': t('callData.filters.search'), maxLength: 100 }}
        size="small"
        variant="outlined"
        style={{ ...spacing, minWidth: 280 }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      <TextField
        id={`${id}-from`}
        type="datetime-local"
        label={t('callData.filters.from')}
        value={from}
        onChange={e => changeRange(e.target.value, to)}
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        style={spacing}
      />
      <TextField
        id={`${id}-to`}
        type="datetime-local"
        label={t('callData.filters.to')}
        value={to}
        onChange={e => changeRange(from, e.target.value)}
        error={!rangeValid}
        helperText={rangeValid ? undefined : t('callData.filters.toBeforeFrom')}
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        style={spacing}
      />
      <TextField
        id={`${id}-direction`}
        select
        label={t('callData.filters.direction')}
        value={direction}
        onChange={e => {
          setDirection(e.target.value);
          onChange({ direction: (e.target.value || undefined) as CallDataDirection | undefined });
        }}
        SelectProps={{ native: true }}
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        style={{ ...spacing, minWidth: 130 }}
      >
        <option value="">{t('callData.filters.all')}</option>
        <option value="incoming">{t('callData.direction.incoming')}</option>
        <option value="outgoing">{t('callData.direction.outgoing')}</option>
      </TextField>
      <TextField
        id={`${id}-success`}
        select
        label={t('callData.filters.success')}
        value={success}
        onChange={e => {
          setSuccess(e.target.value);
          onChange({ success: e.target.value === '' ? undefined : e.target.value === 'true' });
        }}
        SelectProps={{ native: true }}
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
        style={{ ...spacing, minWidth: 150 }}
      >
        <option value="">{t('callData.filters.all')}</option>
        <option value="true">{t('callData.success.successful')}</option>
        <option value="false">{t('callData.success.unsuccessful')}</option>
      </TextField>
      <TextField
        id={`${id}-extension`}
        label={t('callData.filters.extension')}
        value={extension}
        onChange={e => setExtension(e.target.value.trim())}
        error={!extensionValid}
        helperText={extensionValid ? undefined : t('callData.filters.extensionInvalid')}
        inputProps={{ maxLength: 32, inputMode: 'tel' }}
        size="small"
        variant="outlined"
        style={{ ...spacing, width: 170 }}
      />
    </Box>
  );
}
