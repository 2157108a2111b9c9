import { renderInTestApp } from '@backstage/frontend-test-utils';
import { licencePageUrl } from '@internal/plugin-ccc-common';
import { screen } from '@testing-library/react';
import { makeSystem } from '../../__testUtils__/fakes';
import { CccSystemGate } from './CccSystemGate';

const device = (firmwareVersion: string, active: boolean) => ({
  model: 'COMtrexx Advanced',
  firmwareVersion,
  maintenance: { active, validUntil: null },
});

function renderGate(system: ReturnType<typeof makeSystem>) {
  renderInTestApp(
    <CccSystemGate system={system}>
      <p>Backups</p>
    </CccSystemGate>,
  );
}

describe('CccSystemGate', () => {
  it('renders its children for a manageable system', async () => {
    renderGate(makeSystem({ device: device('2.4.4', true) }));
    expect(await screen.findByText('Backups')).toBeInTheDocument();
    expect(screen.queryByText('CCC functions are not available for this COMtrexx')).not.toBeInTheDocument();
  });

  it('asks to pair a system that is not paired', async () => {
    renderGate(makeSystem({ paired: false, device: null }));
    expect(await screen.findByText(/The COMtrexx is not paired with the CCC. Pair it/)).toBeInTheDocument();
    expect(screen.queryByText('Backups')).not.toBeInTheDocument();
  });

  it('asks to activate COMtrexx Maintenance', async () => {
    renderGate(makeSystem({ device: device('2.6.1', false) }));
    const link = await screen.findByRole('link', { name: 'COMtrexx Maintenance' });
    expect(link).toHaveAttribute('href', licencePageUrl('A1B2C3D4E5'));
    expect(screen.getByText(/Management needs active maintenance/)).toBeInTheDocument();
    expect(screen.queryByText('Backups')).not.toBeInTheDocument();
  });

  it('asks to update old firmware locally on the device', async () => {
    // Old firmware is named even when maintenance is inactive too: updating comes first.
    renderGate(makeSystem({ device: device('2.4.3', false) }));
    expect(
      await screen.findByText(/Update it to 2.4.4 or later locally in the web interface of the device/),
    ).toBeInTheDocument();
    expect(screen.queryByText('Backups')).not.toBeInTheDocument();
  });
});
