import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccRetention } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useId, useState } from 'react';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { WithReason } from '../common/WithReason';

// The backend's limits (setRetentionRequestSchema in ccc-common).
const MAX_KEEP_LAST = 1000;
const MAX_KEEP_DAYS = 3650;

/** A limit typed into a field: null when empty, NaN when not a whole number in range. */
function parseLimit(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : NaN;
}

/** "keep the newest 10 backups or keep backups of the last 30 days", in the app's language. */
function useRuleText(): (rule: Pick<CccRetention, 'keepLast' | 'keepDays'>) => string {
  const { t } = useTranslationRef(cccTranslationRef);
  return ({ keepLast, keepDays }) => {
    const parts = [
      ...(keepLast !== null ? [t('retention.ruleLast', { count: keepLast })] : []),
      ...(keepDays !== null ? [t('retention.ruleDays', { count: keepDays })] : []),
    ];
    if (parts.length === 0) return t('retention.keepAll');
    return parts.length === 1 ? parts[0] : t('retention.either', { first: parts[0], second: parts[1] });
  };
}

/**
 * Which backups the CCC keeps after each new one: the fleet default or an own
 * rule of the system (keep the newest N and/or those of the last N days).
 */
export function RetentionCard({
  systemId,
  retention,
  reason,
  onSaved,
}: {
  systemId: string;
  retention: CccRetention;
  /** Why the retention cannot be changed (missing permission); undefined when it can. */
  reason?: string;
  onSaved: () => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const ruleText = useRuleText();
  const id = useId();
  const [mode, setMode] = useState<CccRetention['source']>(retention.source);
  const [keepLast, setKeepLast] = useState('');
  const [keepDays, setKeepDays] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Start from what the backend stored whenever it changes (after saving, or a reload).
  useEffect(() => {
    setMode(retention.source);
    setKeepLast(retention.source === 'system' && retention.keepLast !== null ? String(retention.keepLast) : '');
    setKeepDays(retention.source === 'system' && retention.keepDays !== null ? String(retention.keepDays) : '');
    setSubmitted(false);
  }, [retention]);

  const last = parseLimit(keepLast, MAX_KEEP_LAST);
  const days = parseLimit(keepDays, MAX_KEEP_DAYS);
  const own = mode === 'system';
  const errors = {
    keepLast: own && Number.isNaN(last) ? t('retention.errors.keepLast', { max: String(MAX_KEEP_LAST) }) : undefined,
    keepDays: own && Number.isNaN(days) ? t('retention.errors.keepDays', { max: String(MAX_KEEP_DAYS) }) : undefined,
    empty: own && last === null && days === null ? t('retention.errors.ownEmpty') : undefined,
  };
  const disabled = !!reason || saving;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (errors.keepLast || errors.keepDays || errors.empty) return;
    setSaving(true);
    setError(null);
    try {
      // Both limits null is how the backend returns a system to the fleet default.
      const rule = own ? { keepLast: last, keepDays: days } : { keepLast: null, keepDays: null };
      await api.setBackupRetention(systemId, rule);
      onSaved();
    } catch (e) {
      setError(t('retention.saveFailed', { message: errorMessage(e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <InfoCard title={t('retention.title')}>
      <Typography variant="body2" color="textSecondary" paragraph>
        {t('retention.description')}
      </Typography>
      <Typography variant="body2" paragraph>
        {retention.source === 'fleet'
          ? t('retention.appliesFleet', { rule: ruleText(retention) })
          : t('retention.appliesSystem', { rule: ruleText(retention) })}
      </Typography>
      <form onSubmit={save} noValidate aria-label={t('retention.title')}>
        <RadioGroup
          value={mode}
          onChange={e => setMode(e.target.value as CccRetention['source'])}
          aria-label={t('retention.mode')}
        >
          <FormControlLabel
            value="fleet"
            control={<Radio size="small" />}
            label={t('retention.useFleet')}
            disabled={disabled}
          />
          <FormControlLabel
            value="system"
            control={<Radio size="small" />}
            label={t('retention.useOwn')}
            disabled={disabled}
          />
        </RadioGroup>
        {own && (
          <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
            <TextField
              id={`${id}-keep-last`}
              label={t('retention.keepLast')}
              value={keepLast}
              onChange={e => setKeepLast(e.target.value)}
              error={submitted && !!errors.keepLast}
              helperText={(submitted && errors.keepLast) || t('retention.keepLastHelp')}
              inputProps={{ inputMode: 'numeric' }}
              disabled={disabled}
              margin="dense"
              variant="outlined"
            />
            <TextField
              id={`${id}-keep-days`}
              label={t('retention.keepDays')}
              value={keepDays}
              onChange={e => setKeepDays(e.target.value)}
              error={submitted && !!errors.keepDays}
              helperText={(submitted && errors.keepDays) || t('retention.keepDaysHelp')}
              inputProps={{ inputMode: 'numeric' }}
              disabled={disabled}
              margin="dense"
              variant="outlined"
            />
          </Box>
        )}
        {submitted && errors.empty && (
          <Typography variant="body2" color="error">
            {errors.empty}
          </Typography>
        )}
        {error && (
          <Alert severity="error" style={{ marginTop: 8 }}>
            {error}
          </Alert>
        )}
        <Box mt={1}>
          <WithReason reason={reason}>
            <Button type="submit" color="primary" variant="outlined" disabled={disabled}>
              {saving ? t('common.saving') : t('retention.save')}
            </Button>
          </WithReason>
        </Box>
      </form>
    </InfoCard>
  );
}
