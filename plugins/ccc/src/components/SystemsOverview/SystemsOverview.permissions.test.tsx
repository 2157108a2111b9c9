import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { AuthorizeResult, EvaluatePermissionRequest } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, makeSystem } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import { SystemsOverview } from './SystemsOverview';

// A file of its own: usePermission caches answers per permission and
// resource for the module's lifetime, so allowed and denied answers for the
// same checks must not meet in one file.

const inOneDay = new Date(Date.now() + 24 * 3600_000).toISOString();

// The user owns "Berlin HQ" and only monitors "Hamburg Office"; registering is not allowed.
const authorize = ({ permission, resourceRef }: EvaluatePermissionRequest) => {
  if (permission.name === 'ccc.system.create') return AuthorizeResult.DENY;
  return resourceRef === 'mine' || permission.name === 'ccc.system.read' ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
};

function renderOverview() {
  const api = fakeCccApi([
    makeSystem({ id: 'mine', name: 'Berlin HQ' }),
    makeSystem({
      id: 'theirs',
      name: 'Hamburg Office',
      serialNumber: 'H4MB0RG0001',
      state: 'token_pending',
      paired: false,
      token: { code: 'K7Q2-9XPM-4TZD', expiresAt: inOneDay },
    }),
  ]);
  renderInTestApp(<SystemsOverview />, {
    apis: [
      [cccApiRef, api],
      [permissionApiRef, mockApis.permission({ authorize })],
    ],
  });
  return api;
}

const rowOf = (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr')!);

describe('SystemsOverview without permissions', () => {
  it('disables what the user may not do and says why', async () => {
    const user = userEvent.setup();
    renderOverview();
    const hamburg = rowOf(await screen.findByRole('rowheader', { name: 'Hamburg Office' }).then(c => c.textContent!));

    const register = screen.getByRole('button', { name: 'Register COMtrexx' });
    expect(register).toBeDisabled();
    await user.hover(register.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'You are not allowed to register COMtrexx systems; ask your portal administrator.',
    );
    await user.unhover(register.parentElement!);

    // Own system: editable and selectable once the answers are in.
    expect(await rowOf('Berlin HQ').findByRole('button', { name: 'Edit Berlin HQ' })).toBeEnabled();
    expect(rowOf('Berlin HQ').getByRole('checkbox', { name: 'Select Berlin HQ' })).toBeEnabled();

    // Monitored system: the code is shown for reading out, but nothing can be changed.
    expect(hamburg.getByText('K7Q2-9XPM-4TZD')).toBeInTheDocument();
    expect(hamburg.getByRole('button', { name: 'Edit Hamburg Office' })).toBeDisabled();
    expect(hamburg.getByRole('button', { name: 'Renew' })).toBeDisabled();
    expect(hamburg.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect(hamburg.getByRole('checkbox', { name: 'Select Hamburg Office' })).toBeDisabled();
    await user.hover(hamburg.getByRole('button', { name: 'Renew' }).parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Needs one of these roles on the system: Owner, Administrator',
    );
  });

  it('selects only deletable systems with "select all"', async () => {
    const user = userEvent.setup();
    renderOverview();
    await rowOf(await screen.findByRole('rowheader', { name: 'Berlin HQ' }).then(c => c.textContent!)).findByRole(
      'checkbox',
      { name: 'Select Berlin HQ' },
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown systems' }));
    expect(screen.getByText('1 system selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Berlin HQ/)).toBeInTheDocument();
    expect(within(dialog).queryByText(/Hamburg Office/)).not.toBeInTheDocument();
  });
});
