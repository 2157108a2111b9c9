import { CccSmtpServer, CccWarning } from '@internal/plugin-ccc-common';
import { CccAlertDelivery } from '../api/smtpTypes';

/** The company's default mail server with a password; override what a test is about. */
export function makeSmtpServer(overrides: Partial<CccSmtpServer> = {}): CccSmtpServer {
  return {
    id: '5f0c7a52-3d1e-4b8a-9c2f-1a2b3c4d5e6f',
    name: 'Office mail',
    host: 'smtp.example.com',
    port: 587,
    username: 'pbx@example.com',
    passwordSet: true,
    sender: 'pbx@example.com',
    recipient: 'noc@example.com',
    noTls: false,
    isDefault: true,
    systemCount: 3,
    createdAt: '2026-10-01T08:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

/** A malfunction not mailed yet; override what a test is about. */
export function makeWarning(overrides: Partial<CccWarning> = {}): CccWarning {
  return {
    id: 101,
    ts: '2026-11-27T05:30:00Z',
    severity: 'malfunction',
    category: 'Memory',
    text: 'Memory clean-up failed',
    mailedAt: null,
    ...overrides,
  };
}

/** An alert mail that went out; override what a test is about. */
export function makeAlertDelivery(overrides: Partial<CccAlertDelivery> = {}): CccAlertDelivery {
  return {
    id: 1,
    at: '2026-11-27T06:00:00Z',
    status: 'sent',
    warningCount: 2,
    suppressedCount: 0,
    recipient: 'noc@example.com',
    subject: 'COMtrexx Berlin HQ (A1B2C3D4E5): 2 new warnings',
    error: null,
    ...overrides,
  };
}
