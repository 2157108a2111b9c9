import { createHash } from 'node:crypto';
import { NewCallData } from '../database/CallDataStore';
import { DeviceCallData } from '../device/DeviceClient';

/**
 * A device record as the CCC stores it, with its fingerprint: SHA-256 over every field but CallDataId, with the
 * start time normalised to UTC. The id is left out on purpose: firmware with the all-zero quirk sends 0 for every
 * record, and a firmware update may start or stop doing so; the same call must still be the same record. Two calls
 * alike in every field (start second, duration, numbers, names, type) count as one; they cannot be told apart.
 */
export function toNewCallData(record: DeviceCallData): NewCallData {
  const startAt = new Date(record.startDate).toISOString();
  const content = [
    startAt,
    record.length,
    record.externalPhoneNumber,
    record.externalName,
    record.msn,
    record.userNumber,
    record.userName,
    record.connectedUserNumber,
    record.connectedUserName,
    record.groupNumber,
    record.groupName,
    record.cost,
    record.costFactor,
    record.direction,
    record.callType,
    record.success,
  ];
  return {
    fingerprint: createHash('sha256').update(JSON.stringify(content)).digest('hex'),
    deviceId: record.CallDataId,
    startAt,
    durationSeconds: record.length,
    externalNumber: record.externalPhoneNumber,
    externalName: record.externalName,
    line: record.msn,
    billingNumber: record.userNumber,
    billingName: record.userName,
    realNumber: record.connectedUserNumber,
    realName: record.connectedUserName,
    groupNumber: record.groupNumber,
    groupName: record.groupName,
    cost: record.cost,
    costFactor: record.costFactor,
    direction: record.direction === 'Incoming' ? 'incoming' : 'outgoing',
    callType: record.callType,
    success: record.success,
  };
}
