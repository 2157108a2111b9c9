import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { makeSystem } from '../../__testUtils__/fakes';
import { RemoteSessionIcon } from './RemoteSessionIcon';

describe('RemoteSessionIcon', () => {
  const device = makeSystem().device!;

  it('shows the active connection when the last poll saw an open session', async () => {
    await renderInTestApp(<RemoteSessionIcon system={makeSystem({ device: { ...device, remoteSessionActive: true } })} />);
    expect(
      await screen.findByRole('img', { name: /Remote configuration is open: active connection/ }),
    ).toBeInTheDocument();
  });

  it('shows nothing without an open session', async () => {
    await renderInTestApp(
      <div data-testid="host">
        <RemoteSessionIcon system={makeSystem({ device: { ...device, remoteSessionActive: false } })} />
      </div>,
    );
    expect((await screen.findByTestId('host')).childElementCount).toBe(0);
  });
});
