import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDateTime, makeSystem, responseError } from '../../__testUtils__/fakes';
import { makeAlertDelivery, makeWarning } from '../../__testUtils__/smtpFakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccWarningsContent } from './EntityCccWarningsContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

const warnings = [
  makeWarning({ id: 4, ts: '2026-11-27T05:40:00Z', severity: 'security', category: 'Login', text: '5 failed logins' }),
  makeWarning({
    id: 3,
    ts: '2026-11-27T05:30:00Z',
    severity: 'serious',
    category: 'Hardware',
    text: 'Fan fault',
    mailedAt: '2026-11-27T05:45:00Z',
  }),
  makeWarning({ id: 2, severity: 'malfunction' }),
  makeWarning({ id: 1, ts: '2026-11-27T05:00:00Z', severity: 'info', category: 'System', text: 'Web login admin' }),
];

const firstQuery = { severities: [], q: undefined, sort: 'ts', order: 'desc', limit: 50, offset: 0 };

// Permissions are allowed throughout this file: usePermission caches answers per module.
function renderTab(api = fakeCccApi()) {
  if (!api.getSystemBySerial.getMockImplementation()) api.getSystemBySerial.mockResolvedValue(makeSystem());
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccWarningsContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    },
  );
  return api;
}

function apiWithWarnings(totalCount = warnings.length) {
  const api = fakeCccApi();
  api.listWarnings.mockResolvedValue({ items: warnings, totalCount });
  return api;
}

const warningsTable = () => within(screen.getByRole('table', { name: 'Warnings' }));
const rowOf = (text: string) => within(screen.getByRole('rowheader', { name: text }).closest('tr')!);
const lastQuery = (api: ReturnType<typeof fakeCccApi>) => api.listWarnings.mock.lastCall?.[1];

describe('EntityCccWarningsContent', () => {
  it('lists the warnings with severity in words, category, time and when they were mailed', async () => {
    const api = renderTab(apiWithWarnings());

    expect(await screen.findByRole('rowheader', { name: 'Fan fault' })).toBeInTheDocument();
    expect(api.listWarnings).toHaveBeenCalledWith('sys-1', firstQuery);

    expect(rowOf('5 failed logins').getByText('Security warning')).toBeInTheDocument();
    expect(rowOf('Fan fault').getByText('Serious malfunction')).toBeInTheDocument();
    expect(rowOf('Fan fault').getByText('Hardware')).toBeInTheDocument();
    expect(rowOf('Fan fault').getByText(formatDateTime('2026-11-27T05:45:00Z'))).toBeInTheDocument();
    expect(rowOf('Memory clean-up failed').getByText('Malfunction')).toBeInTheDocument();
    expect(rowOf('Memory clean-up failed').getByText('Not mailed')).toBeInTheDocument();
    expect(rowOf('Web login admin').getByText('Information')).toBeInTheDocument();
    expect(rowOf('Web login admin').getByText(formatDateTime('2026-11-27T05:00:00Z'))).toBeInTheDocument();
    expect(screen.getByText('1–4 of 4')).toBeInTheDocument();
  });

  it('filters by severity and text on the backend', async () => {
    const user = userEvent.setup();
    const api = renderTab(apiWithWarnings());
    await screen.findByRole('rowheader', { name: 'Fan fault' });
    const severity = screen.getByRole('group', { name: 'Severity' });

    await user.click(within(severity).getByRole('button', { name: 'Security warning' }));
    await user.click(within(severity).getByRole('button', { name: 'Serious malfunction' }));
    expect(within(severity).getByRole('button', { name: 'Serious malfunction' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Always in the classes' order, whatever the order of the clicks.
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, severities: ['serious', 'security'] }));

    await user.type(screen.getByRole('textbox', { name: 'Filter by text or category' }), ' fan ');
    await waitFor(() =>
      expect(lastQuery(api)).toEqual({ ...firstQuery, severities: ['serious', 'security'], q: 'fan' }),
    );
    // Typing does not ask for every key.
    expect(api.listWarnings.mock.calls.filter(([, query]) => query?.q !== undefined)).toHaveLength(1);

    await user.click(within(severity).getByRole('button', { name: 'Security warning' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, severities: ['serious'], q: 'fan' }));
  });

  it('sorts by time, severity and text on the backend', async () => {
    const user = userEvent.setup();
    const api = renderTab(apiWithWarnings());
    await screen.findByRole('rowheader', { name: 'Fan fault' });

    await user.click(warningsTable().getByRole('button', { name: 'Severity' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, sort: 'severity', order: 'desc' }));
    await user.click(warningsTable().getByRole('button', { name: 'Severity' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, sort: 'severity', order: 'asc' }));
    await user.click(warningsTable().getByRole('button', { name: 'Message' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, sort: 'text', order: 'asc' }));
    await user.click(warningsTable().getByRole('button', { name: 'Time' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, sort: 'ts', order: 'desc' }));
  });

  it('pages on the backend and starts again at the first page when the filter changes', async () => {
    const user = userEvent.setup();
    const api = renderTab(apiWithWarnings(120));
    await screen.findByRole('rowheader', { name: 'Fan fault' });
    expect(screen.getByText('1–50 of 120')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, offset: 50 }));
    expect(await screen.findByText('51–100 of 120')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Information' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ ...firstQuery, severities: ['info'], offset: 0 }));
  });

  it('says when there are no warnings, and when none match', async () => {
    const user = userEvent.setup();
    const api = renderTab();
    expect(await screen.findByText('No warnings recorded yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Malfunction' }));
    expect(await screen.findByText('No warning matches the filter.')).toBeInTheDocument();
    expect(lastQuery(api)).toEqual({ ...firstQuery, severities: ['malfunction'] });
    expect(await screen.findByText('No alert mails yet.')).toBeInTheDocument();
  });

  it('shows a translated error when the warnings cannot be loaded', async () => {
    const refused = await responseError(500, 'database is down');
    const api = fakeCccApi();
    api.listWarnings.mockRejectedValue(refused);
    renderTab(api);
    expect(await screen.findByText('The warnings could not be loaded: database is down')).toBeInTheDocument();
  });

  it('lists the alert mails: sent, failed with the error, no server, left out within the cooldown', async () => {
    const api = fakeCccApi();
    api.listAlertDeliveries.mockResolvedValue([
      makeAlertDelivery({ id: 4, at: '2026-11-27T07:00:00Z', warningCount: 1, suppressedCount: 2 }),
      makeAlertDelivery({
        id: 3,
        at: '2026-11-27T06:45:00Z',
        status: 'failed',
        warningCount: 1,
        error: '535 5.7.8 Authentication credentials invalid',
      }),
      makeAlertDelivery({
        id: 2,
        at: '2026-11-27T06:30:00Z',
        status: 'no_server',
        warningCount: 3,
        recipient: null,
        subject: null,
        error: 'No SMTP server is assigned to this system and there is no default server',
      }),
      makeAlertDelivery({
        id: 1,
        at: '2026-11-27T06:15:00Z',
        status: 'suppressed',
        warningCount: 0,
        suppressedCount: 4,
        recipient: null,
        subject: null,
      }),
    ]);
    renderTab(api);

    const log = within(await screen.findByRole('table', { name: 'Alert mails' }));
    expect(api.listAlertDeliveries).toHaveBeenCalledWith('sys-1');
    const row = (at: string) => within(log.getByRole('rowheader', { name: formatDateTime(at) }).closest('tr')!);

    expect(row('2026-11-27T07:00:00Z').getByText('Sent')).toBeInTheDocument();
    expect(row('2026-11-27T07:00:00Z').getByText('1 warning, 2 left out')).toBeInTheDocument();
    expect(row('2026-11-27T07:00:00Z').getByText('noc@example.com')).toBeInTheDocument();
    expect(row('2026-11-27T06:45:00Z').getByText('Failed')).toBeInTheDocument();
    expect(row('2026-11-27T06:45:00Z').getByText('535 5.7.8 Authentication credentials invalid')).toBeInTheDocument();
    expect(row('2026-11-27T06:30:00Z').getByText('No server')).toBeInTheDocument();
    expect(row('2026-11-27T06:30:00Z').getByText('3 warnings')).toBeInTheDocument();
    expect(row('2026-11-27T06:15:00Z').getByText('Left out within the cooldown')).toBeInTheDocument();
    expect(row('2026-11-27T06:15:00Z').getByText('4 left out')).toBeInTheDocument();
  });

  it('keeps the collected warnings readable when the COMtrexx cannot be managed', async () => {
    const api = apiWithWarnings();
    api.getSystemBySerial.mockResolvedValue(makeSystem({ paired: false, state: 'error', stateReason: 'not_paired' }));
    renderTab(api);
    expect(await screen.findByTestId('ccc-system-gate')).toBeInTheDocument();
    expect(screen.getByText(/No new warnings are collected meanwhile/)).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Fan fault' })).toBeInTheDocument();
  });
});
