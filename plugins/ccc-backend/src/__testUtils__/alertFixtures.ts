import { SystemRecord } from '../database/SystemStore';
import { systemRecord } from './systemRecord';

/**
 * A paired, reachable system record as the status poll leaves it; tests
 * change its state, last-seen time and backup status to craft conditions.
 */
export function pairedSystem(id: string, serialNumber: string, name: string, at: string): SystemRecord {
  return systemRecord({
    id,
    name,
    serialNumber,
    catalogOwnerRef: 'group:default/telephony',
    state: 'paired_ok',
    // Never decrypted by the alert path: it only tells that the system is paired.
    credentialsSealed: 'sealed-test-credentials',
    firstRegisteredAt: at,
    lastSeenAt: at,
    createdAt: at,
    updatedAt: at,
  });
}
