import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CccSystem } from '@internal/plugin-ccc-common';
import { screen } from '@testing-library/react';
import { DeviceStateDisplay } from './DeviceStateDisplay';

type StateProps = Pick<CccSystem, 'state' | 'stateReason' | 'stateMessage'>;

const cases: Array<[StateProps, string, string | null, string]> = [
  [{ state: 'paired_ok', stateReason: null, stateMessage: null }, 'Paired', null, 'status-ok'],
  [
    { state: 'paired_restricted', stateReason: 'firmware_too_old', stateMessage: null },
    'Paired, restricted',
    'Firmware must be updated to 2.4.4 or later',
    'status-warning',
  ],
  [
    { state: 'error', stateReason: 'access_revoked', stateMessage: null },
    'Error',
    'Access revoked on the device',
    'status-error',
  ],
  [
    { state: 'error', stateReason: 'not_paired', stateMessage: null },
    'Error',
    'Not paired with the CCC',
    'status-error',
  ],
  [
    { state: 'error', stateReason: 'unreachable', stateMessage: 'proxy.auerproxy.de timed out' },
    'Error',
    'Device unreachable (proxy server or network)',
    'status-error',
  ],
  [
    { state: 'token_pending', stateReason: null, stateMessage: null },
    'Waiting for confirmation',
    null,
    'status-pending',
  ],
  [
    { state: 'unknown', stateReason: null, stateMessage: 'No answer yet' },
    'Unknown (?)',
    'No answer yet',
    'status-aborted',
  ],
];

describe('DeviceStateDisplay', () => {
  it.each(cases)('shows %j as icon, text and reason', async (system, label, reason, icon) => {
    const { container } = renderInTestApp(<DeviceStateDisplay system={system} />);
    expect(await screen.findByText(label)).toBeInTheDocument();
    expect(screen.getByTestId(icon)).toBeInTheDocument();
    expect(container).toHaveTextContent([label, reason].filter(Boolean).join(''));
  });
});
