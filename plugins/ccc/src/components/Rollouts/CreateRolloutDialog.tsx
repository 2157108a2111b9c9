import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccRolloutDetails,
  CccRolloutPlan,
  ISO_WEEKDAYS,
  systemGate,
} from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useId, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { FilterField } from '../common/FilterField';
import { matchesSystem } from '../common/matchesSystem';
import { useCurrentUserRef } from '../common/useCurrentUserRef';
import { useDateFormat } from '../common/useDateFormat';
import {
  emptyRolloutForm,
  isRolloutFormComplete,
  RolloutForm,
  toRolloutRequest,
} from './rolloutForm';
import { useRolloutTexts } from './rolloutTexts';

// Systems the picker lists at once; more are found through its search.
const MAX_PICKER_ROWS = 100;

/**
 * Starts a rollout: which systems (a filter, a CCC user group or picked
 * systems), the waves, the failure policy and the update window. "Preview"
 * asks the backend for the waves it would run; the backend checks rights and
 * input, and its refusal is shown as it says it.
 */
export function CreateRolloutDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (rollout: CccRolloutDetails) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRolloutTexts();
  const format = useDateFormat();
  const me = useCurrentUserRef();
  const titleId = useId();
  const id = (field: string) => `${titleId}-${field}`;
  const [form, setForm] = useState<RolloutForm>(() => emptyRolloutForm());
  const [pickFilter, setPickFilter] = useState('');
  const [plan, setPlan] = useState<CccRolloutPlan | null>(null);
  const [busy, setBusy] = useState<'plan' | 'start' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choices = useAsync(
    async () =>
      open ? Promise.all([api.listSystems(), api.listUserGroups()]) : undefined,
    [api, open],
  );
  const [systems, groups] = choices.value ?? [[], []];
  const manageable = useMemo(
    () => systems.filter(s => systemGate(s).manageable),
    [systems],
  );
  const models = useMemo(
    () =>
      [
        ...new Set(
          manageable
            .map(s => s.device?.model)
            .filter((m): m is string => Boolean(m)),
        ),
      ].sort(),
    [manageable],
  );
  const myGroups = groups.filter(g => g.member || g.ownerRef === me);

  const change = (patch: Partial<RolloutForm>) => {
    setForm(prev => ({ ...prev, ...patch }));
    // A preview of other settings would mislead.
    setPlan(null);
    setError(null);
  };
  const toggle = <T,>(list: T[], item: T) =>
    list.includes(item) ? list.filter(x => x !== item) : [...list, item];

  const run = async (what: 'plan' | 'start') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'plan') {
        setPlan(await api.planRollout(toRolloutRequest(form)));
      } else {
        const created = await api.createRollout(toRolloutRequest(form));
        setForm(emptyRolloutForm());
        setPlan(null);
        onCreated(created);
      }
    } catch (e) {
      setError(
        t(
          what === 'plan'
            ? 'rollouts.dialog.planError'
            : 'rollouts.dialog.startError',
          { message: errorMessage(e) },
        ),
      );
    } finally {
      setBusy(null);
    }
  };

  const complete = isRolloutFormComplete(form);
  const number = (
    key: 'canarySize' | 'batchSize' | 'maxFailuresPerWave',
    label: string,
    hint: string,
  ) => (
    <TextField
      label={label}
      id={id(key)}
      helperText={hint}
      type="number"
      value={form[key]}
      onChange={e => change({ [key]: e.target.value })}
      inputProps={{ min: key === 'canarySize' ? 0 : 1 }}
      size="small"
      variant="outlined"
      style={{ flex: 1, minWidth: 160 }}
    />
  );

  let selection;
  if (choices.loading) {
    selection = <Progress />;
  } else if (choices.error) {
    selection = (
      <Alert severity="error">
        {t('rollouts.dialog.loadError', {
          message: errorMessage(choices.error),
        })}
      </Alert>
    );
  } else if (form.selectionKind === 'filter') {
    selection = (
      <>
        <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
          <TextField
            label={t('rollouts.dialog.filterText')}
            id={id('filterText')}
            value={form.filterText}
            onChange={e => change({ filterText: e.target.value })}
            size="small"
            variant="outlined"
          />
          <TextField
            select
            label={t('rollouts.dialog.filterModel')}
            id={id('filterModel')}
            value={form.filterModel}
            onChange={e => change({ filterModel: e.target.value })}
            size="small"
            variant="outlined"
            style={{ minWidth: 180 }}
          >
            <MenuItem value="">{t('rollouts.dialog.anyModel')}</MenuItem>
            {models.map(m => (
              <MenuItem key={m} value={m}>
                {m}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('rollouts.dialog.filterFirmwareBelow')}
            id={id('filterFirmwareBelow')}
            value={form.filterFirmwareBelow}
            onChange={e => change({ filterFirmwareBelow: e.target.value })}
            placeholder="2.6.2"
            size="small"
            variant="outlined"
          />
        </Box>
        <Typography variant="caption" color="textSecondary">
          {t('rollouts.dialog.filterHint')}
        </Typography>
      </>
    );
  } else if (form.selectionKind === 'group') {
    selection =
      myGroups.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('rollouts.dialog.noGroups')}
        </Typography>
      ) : (
        <TextField
          select
          label={t('rollouts.dialog.group')}
          id={id('group')}
          value={form.groupId}
          onChange={e => change({ groupId: e.target.value })}
          size="small"
          variant="outlined"
          style={{ minWidth: 240 }}
        >
          {myGroups.map(g => (
            <MenuItem key={g.id} value={g.id}>
              {g.name}
            </MenuItem>
          ))}
        </TextField>
      );
  } else if (manageable.length === 0) {
    selection = (
      <Typography variant="body2" color="textSecondary">
        {t('rollouts.dialog.noSystems')}
      </Typography>
    );
  } else {
    const picked = new Set(form.systemIds);
    const matching = manageable.filter(s => matchesSystem(s, pickFilter));
    // A fleet has thousands of systems: the list shows the first matches, the search narrows it down.
    const shown = matching.slice(0, MAX_PICKER_ROWS);
    selection = (
      <FormControl component="fieldset">
        <FormLabel component="legend">
          {t('rollouts.dialog.systems')}
        </FormLabel>
        <Box display="flex" alignItems="center" style={{ gap: 12 }} my={1}>
          <FilterField
            label={t('rollouts.dialog.systemsSearch')}
            value={pickFilter}
            onChange={setPickFilter}
          />
          <Typography variant="body2">
            {t('rollouts.dialog.systemsPicked', { count: picked.size })}
          </Typography>
        </Box>
        <FormGroup
          style={{ maxHeight: 200, overflowY: 'auto', flexWrap: 'nowrap' }}
        >
          {shown.map(s => (
            <FormControlLabel
              key={s.id}
              control={
                <Checkbox
                  size="small"
                  checked={picked.has(s.id)}
                  onChange={() =>
                    change({ systemIds: toggle(form.systemIds, s.id) })
                  }
                />
              }
              label={`${s.name} (${s.serialNumber}, ${
                s.device?.firmwareVersion ?? '?'
              })`}
            />
          ))}
        </FormGroup>
        {matching.length > shown.length && (
          <Typography variant="caption" color="textSecondary">
            {t('rollouts.dialog.systemsShown', {
              shown: String(shown.length),
              total: String(matching.length),
            })}
          </Typography>
        )}
        {matching.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            {t('rollouts.dialog.systemsNoMatch')}
          </Typography>
        )}
      </FormControl>
    );
  }

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId}>{t('rollouts.dialog.title')}</DialogTitle>
      <DialogContent>
        <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
          <TextField
            label={t('rollouts.dialog.name')}
            id={id('name')}
            value={form.name}
            onChange={e => change({ name: e.target.value })}
            required
            size="small"
            variant="outlined"
          />
          <FormControl component="fieldset">
            <FormLabel component="legend">
              {t('rollouts.dialog.selection')}
            </FormLabel>
            <RadioGroup
              row
              value={form.selectionKind}
              onChange={e =>
                change({
                  selectionKind: e.target.value as RolloutForm['selectionKind'],
                })
              }
            >
              <FormControlLabel
                value="filter"
                control={<Radio size="small" />}
                label={t('rollouts.dialog.byFilter')}
              />
              <FormControlLabel
                value="group"
                control={<Radio size="small" />}
                label={t('rollouts.dialog.byGroup')}
              />
              <FormControlLabel
                value="systems"
                control={<Radio size="small" />}
                label={t('rollouts.dialog.bySystems')}
              />
            </RadioGroup>
          </FormControl>
          {selection}
          <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
            {number(
              'canarySize',
              t('rollouts.dialog.canarySize'),
              t('rollouts.dialog.canaryHint'),
            )}
            {number(
              'batchSize',
              t('rollouts.dialog.batchSize'),
              t('rollouts.dialog.batchHint'),
            )}
            {number(
              'maxFailuresPerWave',
              t('rollouts.dialog.maxFailures'),
              t('rollouts.dialog.maxFailuresHint'),
            )}
          </Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={form.useWindow}
                onChange={e => change({ useWindow: e.target.checked })}
              />
            }
            label={t('rollouts.dialog.useWindow')}
          />
          {form.useWindow && (
            <>
              <FormControl component="fieldset">
                <FormLabel component="legend">
                  {t('rollouts.dialog.days')}
                </FormLabel>
                <FormGroup row>
                  {ISO_WEEKDAYS.map(day => (
                    <FormControlLabel
                      key={day}
                      control={
                        <Checkbox
                          size="small"
                          checked={form.days.includes(day)}
                          onChange={() =>
                            change({ days: toggle(form.days, day).sort() })
                          }
                        />
                      }
                      label={texts.weekday(day)}
                    />
                  ))}
                </FormGroup>
              </FormControl>
              <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
                <TextField
                  label={t('rollouts.dialog.fromHour')}
                  id={id('fromHour')}
                  type="number"
                  value={form.fromHour}
                  onChange={e => change({ fromHour: e.target.value })}
                  inputProps={{ min: 0, max: 23 }}
                  size="small"
                  variant="outlined"
                />
                <TextField
                  label={t('rollouts.dialog.toHour')}
                  id={id('toHour')}
                  type="number"
                  value={form.toHour}
                  onChange={e => change({ toHour: e.target.value })}
                  inputProps={{ min: 1, max: 24 }}
                  helperText={t('rollouts.dialog.hoursHint')}
                  size="small"
                  variant="outlined"
                />
                <TextField
                  label={t('rollouts.dialog.timeZone')}
                  id={id('timeZone')}
                  value={form.timeZone}
                  onChange={e => change({ timeZone: e.target.value })}
                  size="small"
                  variant="outlined"
                />
                <TextField
                  label={t('rollouts.dialog.endAt')}
                  id={id('endAt')}
                  type="datetime-local"
                  value={form.endAt}
                  onChange={e => change({ endAt: e.target.value })}
                  InputLabelProps={{ shrink: true }}
                  size="small"
                  variant="outlined"
                />
              </Box>
            </>
          )}
          {plan && (
            <Alert severity="info">
              <Typography variant="body2">
                {t('rollouts.dialog.planSummary', {
                  systems: String(
                    plan.waves.reduce((sum, wave) => sum + wave.length, 0),
                  ),
                  waves: String(plan.waves.length),
                })}
              </Typography>
              {plan.waves.slice(0, 5).map((wave, index) => (
                <Typography variant="caption" component="div" key={index}>
                  {t('rollouts.dialog.planWave', {
                    number: String(index + 1),
                    names: wave.map(s => s.name).join(', '),
                  })}
                </Typography>
              ))}
              <Typography variant="caption" component="div">
                {plan.windowOpen
                  ? t('rollouts.dialog.windowOpenNow')
                  : t('rollouts.dialog.windowOpensAt', {
                      at:
                        format.dateTime(plan.nextWindowAt) ?? t('common.none'),
                    })}
              </Typography>
            </Alert>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy !== null}>
          {t('common.cancel')}
        </Button>
        <Button
          onClick={() => run('plan')}
          disabled={busy !== null || !complete}
          title={complete ? undefined : t('rollouts.dialog.incomplete')}
        >
          {busy === 'plan'
            ? t('rollouts.dialog.previewing')
            : t('rollouts.dialog.preview')}
        </Button>
        <Button
          onClick={() => run('start')}
          disabled={busy !== null || !complete}
          color="primary"
          variant="contained"
          title={complete ? undefined : t('rollouts.dialog.incomplete')}
        >
          {busy === 'start'
            ? t('rollouts.dialog.starting')
            : t('rollouts.dialog.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
