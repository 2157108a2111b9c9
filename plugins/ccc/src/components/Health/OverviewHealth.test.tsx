import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, within } from '@testing-library/react';
import { fakeCccApi, formatDate, makeSystem } from '../../__testUtils__/fakes';
import { makeScorecard } from '../../__testUtils__/monitoringFakes';
import { cccApiRef } from '../../api/CccApi';
import { EntityCccOverviewContent } from '../EntityCccOverviewContent';
import { SystemsOverview } from '../SystemsOverview';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

const DAY_MS = 86_400_000;
/** A system whose maintenance ends `days` (and a bit) from now. */
const endingIn = (days: number, overrides = {}) => {
  const validUntil = new Date(Date.now() + days * DAY_MS + 3_600_000).toISOString();
  return {
    system: makeSystem({
      device: { model: 'COMtrexx Advanced', firmwareVersion: '2.6.1', maintenance: { active: true, validUntil } },
      ...overrides,
    }),
    validUntil,
  };
};

function renderOverview(api: ReturnType<typeof fakeCccApi>, config?: object) {
  renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccOverviewContent />
    </EntityProvider>,
    {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
      config: config as any,
    },
  );
}

describe('Health on the entity overview', () => {
  it('shows the score and the checks that warn or fail, in words', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getScorecard.mockResolvedValue(
      makeScorecard({ score: 72 }, [
        { id: 'smtp', status: 'warn', message: 'No SMTP server', facts: { assigned: false } },
        {
          id: 'firmware',
          status: 'fail',
          message: 'Firmware 2.4.0 is older than 2.4.4',
          facts: { version: '2.4.0', minimum: '2.4.4' },
        },
      ]),
    );
    renderOverview(api);

    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(api.getScorecard).toHaveBeenCalledWith('sys-1');
    expect(screen.getByText('72')).toBeInTheDocument();
    expect(within(findings).getByText('Warning mails')).toBeInTheDocument();
    expect(within(findings).getByText('No SMTP server: warnings are not mailed')).toBeInTheDocument();
    expect(within(findings).getByText('Version 2.4.0 is older than 2.4.4')).toBeInTheDocument();
    expect(within(findings).queryByText('Backup')).not.toBeInTheDocument();
  });

  it('says when every check passed', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.getScorecard.mockResolvedValue(makeScorecard());
    renderOverview(api);

    expect(await screen.findByText('All checks passed.')).toBeInTheDocument();
    expect(screen.getByText('100')).toBeInTheDocument();
  });

  it('warns when maintenance ends within the default 30 days', async () => {
    const { system, validUntil } = endingIn(12);
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(system);
    renderOverview(api);

    const warning = await screen.findByTestId('ccc-maintenance-warning');
    expect(warning).toHaveTextContent('COMtrexx Maintenance ends soon');
    expect(warning).toHaveTextContent(`ends in 12 days, on ${formatDate(validUntil)}`);
    expect(within(warning).getByRole('link', { name: 'Renew in the Voucher Center' })).toBeInTheDocument();
  });

  it('does not warn when the end is further away than ccc.maintenance.warnDays', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(endingIn(12).system);
    renderOverview(api, { ccc: { maintenance: { warnDays: 10 } } });

    expect(await screen.findByText('Paired')).toBeInTheDocument();
    expect(screen.queryByTestId('ccc-maintenance-warning')).not.toBeInTheDocument();
  });

  it('follows a longer ccc.maintenance.warnDays', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(endingIn(45).system);
    renderOverview(api, { ccc: { maintenance: { warnDays: 60 } } });

    expect(await screen.findByTestId('ccc-maintenance-warning')).toHaveTextContent('ends in 45 days');
  });

  it('does not warn for a system whose maintenance ends far away (the fixture: mid 2027)', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    renderOverview(api);

    expect(await screen.findByText('Paired')).toBeInTheDocument();
    expect(screen.queryByTestId('ccc-maintenance-warning')).not.toBeInTheDocument();
  });
});

describe('Maintenance warning in the systems overview', () => {
  it('marks the systems whose maintenance ends soon with a small icon', async () => {
    const soon = endingIn(3, { id: 'sys-2', name: 'Hamburg Office', serialNumber: 'B2C3D4E5F6' }).system;
    const api = fakeCccApi([makeSystem(), soon]);
    renderInTestApp(<SystemsOverview />, {
      apis: [
        [cccApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ],
    });

    const hamburg = await screen.findByText('Hamburg Office');
    expect(
      within(hamburg.closest('th')!).getByRole('img', { name: /^Maintenance ends in 3 days, on / }),
    ).toBeInTheDocument();
    const berlin = screen.getByText('Berlin HQ').closest('th')!;
    expect(within(berlin).queryByTestId('ccc-maintenance-warning-icon')).not.toBeInTheDocument();
  });
});
