import { CreateRolloutRequest } from '@internal/plugin-ccc-common';

/** What the create dialog holds; numbers as typed, so a half-typed field is no NaN. */
export interface RolloutForm {
  name: string;
  selectionKind: 'filter' | 'group' | 'systems';
  filterText: string;
  filterModel: string;
  filterFirmwareBelow: string;
  groupId: string;
  systemIds: string[];
  canarySize: string;
  batchSize: string;
  maxFailuresPerWave: string;
  useWindow: boolean;
  days: number[];
  fromHour: string;
  toHour: string;
  timeZone: string;
  /** `datetime-local` value in the browser's time zone, or empty. */
  endAt: string;
}

/** The browser's time zone, the likeliest one for the window. */
export function browserTimeZone(): string {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A new form: canary of one, batches of five, stop after the first failure, weeknights 22–24. */
export function emptyRolloutForm(timeZone = browserTimeZone()): RolloutForm {
  return {
    name: '',
    selectionKind: 'filter',
    filterText: '',
    filterModel: '',
    filterFirmwareBelow: '',
    groupId: '',
    systemIds: [],
    canarySize: '1',
    batchSize: '5',
    maxFailuresPerWave: '1',
    useWindow: false,
    days: [1, 2, 3, 4, 5],
    fromHour: '22',
    toHour: '24',
    timeZone,
    endAt: '',
  };
}

/** Whether the form names the rollout and says which systems; the backend checks everything else. */
export function isRolloutFormComplete(form: RolloutForm): boolean {
  if (!form.name.trim()) return false;
  if (form.selectionKind === 'group') return form.groupId !== '';
  if (form.selectionKind === 'systems') return form.systemIds.length > 0;
  return true;
}

const toNumber = (value: string) => (value.trim() === '' ? NaN : Number(value));

/**
 * The request the form stands for. Numbers go as typed (NaN for empty), so
 * the backend's validation names the field rather than the UI guessing.
 */
export function toRolloutRequest(form: RolloutForm): CreateRolloutRequest {
  const filter = {
    ...(form.filterText.trim() ? { text: form.filterText.trim() } : {}),
    ...(form.filterModel ? { model: form.filterModel } : {}),
    ...(form.filterFirmwareBelow.trim()
      ? { firmwareBelow: form.filterFirmwareBelow.trim() }
      : {}),
  };
  let selection: CreateRolloutRequest['selection'];
  if (form.selectionKind === 'group')
    selection = { kind: 'group', groupId: form.groupId };
  else if (form.selectionKind === 'systems')
    selection = { kind: 'systems', systemIds: form.systemIds };
  else selection = { kind: 'filter', filter };
  const endAt = form.endAt ? new Date(form.endAt) : null;
  return {
    name: form.name.trim(),
    selection,
    canarySize: toNumber(form.canarySize),
    batchSize: toNumber(form.batchSize),
    maxFailuresPerWave: toNumber(form.maxFailuresPerWave),
    window: form.useWindow
      ? {
          days: form.days,
          fromHour: toNumber(form.fromHour),
          toHour: toNumber(form.toHour),
          timeZone: form.timeZone.trim(),
          startAt: null,
          endAt:
            endAt && !Number.isNaN(endAt.getTime())
              ? endAt.toISOString()
              : null,
        }
      : null,
  };
}
