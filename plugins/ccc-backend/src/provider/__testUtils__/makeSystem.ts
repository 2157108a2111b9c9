import type { CccSystem } from '@internal/plugin-ccc-common';

/** A system as `GET /systems` returns it; tests override what they look at. */
export function makeSystem(overrides: Partial<CccSystem> = {}): CccSystem {
  return {
    id: 'd2b6c1f0-8f0e-4c1a-9f51-3c0e4a1b2c3d',
    name: 'Head office Hamburg',
    serialNumber: 'AB12CD34EF56',
    ownerRef: 'user:default/jane',
    catalogOwnerRef: 'group:default/telephony',
    state: 'paired_ok',
    stateReason: null,
    stateMessage: null,
    paired: true,
    token: null,
    firstRegisteredAt: '2026-11-01T10:00:00.000Z',
    lastSeenAt: '2026-11-27T09:55:00.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-27T09:55:00.000Z',
    device: {
      model: 'COMtrexx Advanced',
      firmwareVersion: '2.6.0',
      macAddress: '00:09:52:01:02:03',
      hostname: 'comtrexx-hh',
      maintenance: { active: true, validUntil: '2027-06-30' },
    },
    deviceAddress: { url: null, allowSelfSignedTls: false },
    ...overrides,
  };
}
