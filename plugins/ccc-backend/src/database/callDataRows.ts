import { NewCallData } from './CallDataStore';

/** Columns a new call-data record fills, in the order of {@link callDataRowValues}. */
export const CALL_DATA_INSERT_COLUMNS = [
  'system_id',
  'fingerprint',
  'device_id',
  'start_at',
  'duration_seconds',
  'external_number',
  'external_name',
  'msn',
  'user_number',
  'user_name',
  'connected_user_number',
  'connected_user_name',
  'group_number',
  'group_name',
  'cost',
  'cost_factor',
  'direction',
  'call_type',
  'success',
  'collected_at',
] as const;

/** The columns of the unique key that tells records of one system apart (see the call-data index migration). */
export const CALL_DATA_UNIQUE_KEY = ['system_id', 'start_at', 'fingerprint'] as const;

/** The values of a new record's row, in the order of {@link CALL_DATA_INSERT_COLUMNS}. */
export function callDataRowValues(
  systemId: string,
  r: NewCallData,
  at: string,
): Array<string | number | boolean | null> {
  return [
    systemId,
    r.fingerprint,
    r.deviceId,
    r.startAt,
    r.durationSeconds,
    r.externalNumber,
    r.externalName,
    r.line,
    r.billingNumber,
    r.billingName,
    r.realNumber,
    r.realName,
    r.groupNumber,
    r.groupName,
    r.cost,
    r.costFactor,
    r.direction,
    r.callType,
    r.success,
    at,
  ];
}

/** A new record's row as an object, for knex. */
export function callDataRow(systemId: string, r: NewCallData, at: string): Record<string, unknown> {
  const values = callDataRowValues(systemId, r, at);
  return Object.fromEntries(CALL_DATA_INSERT_COLUMNS.map((column, i) => [column, values[i]]));
}
