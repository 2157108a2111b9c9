import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { CccSystem } from '@internal/plugin-ccc-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDateTime, makeSystem, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { RemoteConfigCard } from './RemoteConfigCard';

// Permission answers are cached per system id within a test file, so the denied system has an id of its own.
const DENIED_SYSTEM = 'sys-denied';
const authorize = jest.fn((request: { resourceRef?: string }) =>
  request.resourceRef === DENIED_SYSTEM ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
);
const permission = mockApis.permission({ authorize });

const link = {
  url: 'http://localhost:7007/api/ccc/remote/tok3n/',
  expiresAt: '2026-11-27T10:00:00Z',
  openBy: '2026-11-27T08:32:00Z',
};

function renderCard(api: ReturnType<typeof fakeCccApi>, system: CccSystem = makeSystem()) {
  renderInTestApp(<RemoteConfigCard system={system} />, {
    apis: [
      [cccApiRef, api],
      [permissionApiRef, permission],
    ],
  });
}

/** The open button once the permission is known (the button is mounted anew when its tooltip goes). */
async function enabledOpenButton() {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Open remote configuration' })).toBeEnabled());
  return screen.getByRole('button', { name: 'Open remote configuration' });
}

/** A stand-in for the window `window.open` returns. */
function fakeWindow() {
  return { closed: false, opener: {} as unknown, document: { title: '' }, location: { href: '' }, close: jest.fn() };
}

describe('RemoteConfigCard', () => {
  let open: jest.SpyInstance;
  beforeEach(() => {
    open = jest.spyOn(window, 'open');
  });
  afterEach(() => open.mockRestore());

  it('opens the web interface in a new window once the backend gave the link', async () => {
    const user = userEvent.setup();
    const target = fakeWindow();
    open.mockReturnValue(target);
    const api = fakeCccApi();
    api.openRemoteSession.mockResolvedValue(link);
    renderCard(api);

    await user.click(await enabledOpenButton());

    await waitFor(() => expect(target.location.href).toBe(link.url));
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(api.openRemoteSession).toHaveBeenCalledWith('sys-1');
    // The device's pages cannot reach back into the portal.
    expect(target.opener).toBeNull();
    expect(target.close).not.toHaveBeenCalled();
    expect(await screen.findByText('The web interface of Berlin HQ opened in a new window.')).toBeInTheDocument();
    // The indicator is asked again after opening.
    await waitFor(() => expect(api.getRemoteSession).toHaveBeenCalledTimes(2));
  });

  it('offers the link when the browser opened no window', async () => {
    const user = userEvent.setup();
    open.mockReturnValue(null);
    const api = fakeCccApi();
    api.openRemoteSession.mockResolvedValue(link);
    renderCard(api);

    await user.click(await enabledOpenButton());

    expect(await screen.findByRole('link', { name: 'Web interface of Berlin HQ' })).toHaveAttribute('href', link.url);
    expect(screen.getByText(new RegExp(`before ${formatDateTime(link.openBy)}`))).toBeInTheDocument();
  });

  it('closes the window again and explains a refusal because the device does not allow it', async () => {
    const user = userEvent.setup();
    const target = fakeWindow();
    open.mockReturnValue(target);
    const api = fakeCccApi();
    const refusal = await responseError(412, 'Remote configuration is not allowed on Berlin HQ.');
    (refusal.body.error as Record<string, unknown>).reason = 'remote_config_disabled';
    api.openRemoteSession.mockRejectedValue(refusal);
    renderCard(api);

    await user.click(await enabledOpenButton());

    expect(await screen.findByText('Remote configuration is not possible')).toBeInTheDocument();
    expect(screen.getByText(/Allowing it is only possible on site/)).toHaveTextContent('Externer Zugriff');
    expect(target.close).toHaveBeenCalled();
  });

  it("explains the device's firmware refusal", async () => {
    const user = userEvent.setup();
    open.mockReturnValue(fakeWindow());
    const api = fakeCccApi();
    const refusal = await responseError(412, 'The firmware of the COMtrexx is too old for this function');
    (refusal.body.error as Record<string, unknown>).name = 'DeviceFirmwareUnsupportedError';
    api.openRemoteSession.mockRejectedValue(refusal);
    renderCard(api);

    await user.click(await enabledOpenButton());

    expect(await screen.findByText(/This firmware version does not support remote configuration/)).toBeInTheDocument();
  });

  it('is disabled without the permission and names the roles that have it', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    renderCard(api, makeSystem({ id: DENIED_SYSTEM }));

    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(expect.objectContaining({ resourceRef: DENIED_SYSTEM })),
    );
    const button = screen.getByRole('button', { name: 'Open remote configuration' });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    expect(
      await screen.findByRole('tooltip', { name: 'Needs one of these roles on the system: Owner, Administrator' }),
    ).toBeInTheDocument();
    expect(open).not.toHaveBeenCalled();
    expect(api.openRemoteSession).not.toHaveBeenCalled();
  });

  it('says what to do on site when the device does not allow remote configuration', async () => {
    const api = fakeCccApi();
    const system = makeSystem();
    renderCard(api, { ...system, device: { ...system.device!, remoteConfigEnabled: false } });

    expect(await screen.findByText('Remote configuration is not possible')).toBeInTheDocument();
    expect(screen.getByText(/Allowing it is only possible on site/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open remote configuration' })).toBeDisabled();
  });

  it('says that the firmware must be updated on site when it is too old', async () => {
    const api = fakeCccApi();
    renderCard(
      api,
      makeSystem({
        state: 'paired_restricted',
        stateReason: 'firmware_too_old',
        device: {
          model: 'COMtrexx Advanced',
          firmwareVersion: '2.3.0',
          maintenance: { active: true, validUntil: null },
        },
      }),
    );

    expect(await screen.findByText(/This firmware version does not support remote configuration/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open remote configuration' })).toBeDisabled();
    // Nothing to ask the device about.
    expect(api.getRemoteSession).not.toHaveBeenCalled();
  });

  it('shows an active connection and ends it', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getRemoteSession
      .mockResolvedValueOnce({ active: true, expiresAt: '2026-11-27T10:00:00Z' })
      .mockResolvedValue({ active: false });
    renderCard(api);

    expect(
      await screen.findByText(
        `Active connection to the remote-access server until ${formatDateTime('2026-11-27T10:00:00Z')}`,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'End session' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'End session' }));
    const dialog = await screen.findByRole('dialog', { name: 'End the remote configuration of Berlin HQ?' });
    await user.click(within(dialog).getByRole('button', { name: 'End session' }));

    await waitFor(() => expect(api.closeRemoteSession).toHaveBeenCalledWith('sys-1'));
    expect(await screen.findByText('No active connection to the remote-access server')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'End session' })).not.toBeInTheDocument());
  });
});
