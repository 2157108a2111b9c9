import { SystemRecord } from '../database/SystemStore';

/**
 * A paired, reachable system record as the status poll leaves it; tests
 * change its state, last-seen time and backup status to craft conditions.
 */
export function pairedSystem(id: string, serialNumber: string, name: string, at: string): SystemRecord {
  return {
    id,
    name,
    serialNumber,
    ownerRef: 'user:default/anna',
    catalogOwnerRef: 'group:default/telephony',
    state: 'paired_ok',
    stateReason: null,
    stateMessage: null,
    tokenHash: null,
    tokenSealed: null,
    tokenExpiresAt: null,
    // Never decrypted by the alert path: it only tells that the system is paired.
    credentialsSealed: 'sealed-test-credentials',
    deviceFacts: null,
    deviceUrl: null,
    allowSelfSignedTls: false,
    firstRegisteredAt: at,
    lastSeenAt: at,
    createdAt: at,
    updatedAt: at,
  };
}
