import { SystemRecord } from '../database/SystemStore';

const AT = '2026-11-27T08:00:00.000Z';

/**
 * A stored system for store tests, as registration leaves it (token pending, nothing from the device yet),
 * with the fields a test cares about given.
 */
export function systemRecord(fields: Pick<SystemRecord, 'id' | 'name' | 'serialNumber'> & Partial<SystemRecord>): SystemRecord {
  return {
    ownerRef: 'user:default/anna',
    catalogOwnerRef: fields.ownerRef ?? 'user:default/anna',
    state: 'token_pending',
    stateReason: null,
    stateMessage: null,
    tokenHash: null,
    tokenSealed: null,
    tokenExpiresAt: null,
    credentialsSealed: null,
    deviceFacts: null,
    deviceUrl: null,
    allowSelfSignedTls: false,
    firstRegisteredAt: null,
    lastSeenAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...fields,
  };
}
