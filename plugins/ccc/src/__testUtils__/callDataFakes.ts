import { CccCallDataPage, CccCallDataRecord } from '@internal/plugin-ccc-common';

/** A successful incoming call of 1 min 5 s on sys-1; override what a test is about. */
export function makeCallDataRecord(overrides: Partial<CccCallDataRecord> = {}): CccCallDataRecord {
  return {
    id: 1,
    systemId: 'sys-1',
    startAt: '2026-11-27T08:15:30Z',
    durationSeconds: 65,
    externalNumber: '+4930123456789',
    externalName: 'Müller GmbH',
    billingNumber: '21',
    billingName: 'Reception',
    realNumber: '22',
    realName: 'Anna Adler',
    line: '0531123450',
    groupNumber: '',
    groupName: '',
    success: true,
    callType: 'Normal',
    direction: 'incoming',
    cost: null,
    costFactor: null,
    ...overrides,
  };
}

/** A page of call data holding `items`: the only page (no cursor) unless overridden. */
export function makeCallDataPage(
  items: CccCallDataRecord[],
  overrides: Partial<CccCallDataPage> = {},
): CccCallDataPage {
  return { items, totalCount: items.length, nextCursor: null, masked: false, ...overrides };
}
