import { ResponseError } from '@backstage/errors';
import { CccSystem } from '@internal/plugin-ccc-common';
import { CccApi } from '../api/CccApi';

/** A CccApi whose methods are jest mocks; tests set the answers they need. */
export function fakeCccApi(systems: CccSystem[] = []): jest.Mocked<CccApi> {
  return {
    getHealth: jest.fn(),
    listSystems: jest.fn().mockResolvedValue(systems),
    getSystem: jest.fn(),
    getSystemBySerial: jest.fn(),
    registerSystem: jest.fn(),
    updateSystem: jest.fn(),
    renewToken: jest.fn(),
    cancelToken: jest.fn().mockResolvedValue(undefined),
    refreshSystem: jest.fn(),
    deleteSystem: jest.fn().mockResolvedValue(undefined),
  };
}

/** A paired, healthy system; override what a test is about. */
export function makeSystem(overrides: Partial<CccSystem> = {}): CccSystem {
  return {
    id: 'sys-1',
    name: 'Berlin HQ',
    serialNumber: 'A1B2C3D4E5',
    ownerRef: 'user:default/anna',
    catalogOwnerRef: 'group:default/telephony',
    state: 'paired_ok',
    stateReason: null,
    stateMessage: null,
    paired: true,
    token: null,
    firstRegisteredAt: '2026-03-01T10:00:00Z',
    lastSeenAt: '2026-11-27T06:00:00Z',
    createdAt: '2026-03-01T09:55:00Z',
    updatedAt: '2026-11-27T06:00:00Z',
    device: {
      model: 'COMtrexx Advanced',
      firmwareVersion: '2.6.1',
      maintenance: { active: true, validUntil: '2027-06-30T00:00:00Z' },
    },
    deviceAddress: { url: null, allowSelfSignedTls: true },
    ...overrides,
  };
}

/** The error CccClient throws when the backend refuses, with the backend's message in the body. */
export function responseError(status: number, message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name: 'Error', message }, response: { statusCode: status } }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/** Date formats the components use, in English, to compare rendered dates with. */
export const formatDate = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(iso));
/** Date and time as the components render them in English. */
export const formatDateTime = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
