import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { DEMO_USER_HEADER, DemoSignInPage, SIGN_IN_STORAGE_KEY } from './DemoSignInPage';

const config = {
  app: { title: 'CCC for Backstage' },
  backend: { baseUrl: 'http://localhost:7007' },
  auth: {
    providers: {
      guest: {},
      'ccc-demo': {
        users: [
          { user: 'anna', description: 'Fleet administrator' },
          { user: 'user:default/eva', description: 'No rights at all' },
        ],
      },
    },
  },
};

// A session as the auth backend's proxy providers answer /refresh (token without exp: refreshed after 5 minutes).
const session = (userEntityRef: string) => ({
  profile: { displayName: userEntityRef },
  backstageIdentity: { token: 'a.e30.c', identity: { type: 'user', userEntityRef, ownershipEntityRefs: [userEntityRef] } },
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('DemoSignInPage', () => {
  let fetchMock: jest.Mock;
  const originalFetch = global.fetch;

  beforeEach(() => {
    window.localStorage.clear();
    fetchMock = jest.fn();
    global.fetch = fetchMock;
  });

  afterEach(() => {
    global.fetch = originalFetch;
  });

  const requested = (call: number) => {
    const [url, init] = fetchMock.mock.calls[call];
    return { url: String(url), user: new Headers(init?.headers).get(DEMO_USER_HEADER) };
  };

  it('offers guest and the configured demo users, and signs in as the chosen one through ccc-demo', async () => {
    fetchMock.mockResolvedValue(json(200, session('user:default/eva')));
    const onSignInSuccess = jest.fn();
    await renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, { config });

    expect(await screen.findByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.getByText('Fleet administrator')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in as eva' }));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(requested(0)).toEqual({ url: 'http://localhost:7007/api/auth/ccc-demo/refresh', user: 'user:default/eva' });
    const identity = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe('user:default/eva');

    // Remembered for reloads until sign-out.
    expect(JSON.parse(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)!)).toEqual({
      provider: 'ccc-demo',
      user: 'user:default/eva',
    });
    await identity.signOut();
    expect(window.localStorage.getItem(SIGN_IN_STORAGE_KEY)).toBeNull();
  });

  it('signs in as guest without naming a demo user', async () => {
    fetchMock.mockResolvedValue(json(200, session('user:default/guest')));
    const onSignInSuccess = jest.fn();
    await renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, { config });

    fireEvent.click(await screen.findByRole('button', { name: 'Enter' }));

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(requested(0)).toEqual({ url: 'http://localhost:7007/api/auth/guest/refresh', user: null });
  });

  it('shows a refused sign-in and lets the person choose again', async () => {
    fetchMock.mockResolvedValueOnce(
      json(403, { error: { name: 'NotAllowedError', message: 'user:default/anna is not one of the configured demo users' } }),
    );
    const onSignInSuccess = jest.fn();
    await renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, { config });

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in as anna' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Sign-in failed: .*not one of the configured demo users/);
    expect(onSignInSuccess).not.toHaveBeenCalled();

    fetchMock.mockResolvedValueOnce(json(200, session('user:default/guest')));
    fireEvent.click(screen.getByRole('button', { name: 'Enter' }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
  });

  it('signs in again as the remembered user after a reload', async () => {
    window.localStorage.setItem(SIGN_IN_STORAGE_KEY, JSON.stringify({ provider: 'ccc-demo', user: 'anna' }));
    fetchMock.mockResolvedValue(json(200, session('user:default/anna')));
    const onSignInSuccess = jest.fn();
    await renderInTestApp(<DemoSignInPage onSignInSuccess={onSignInSuccess} />, { config });

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(requested(0).user).toBe('anna');
  });

  it('shows only guest when no demo users are configured', async () => {
    await renderInTestApp(<DemoSignInPage onSignInSuccess={jest.fn()} />, {
      config: { ...config, auth: { providers: { guest: {} } } },
    });

    expect(await screen.findByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sign in as/ })).not.toBeInTheDocument();
  });
});
