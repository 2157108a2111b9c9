import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  // One test only: the app reads its config once per module instance.
  it('boots to the sign-in page with guest and the configured demo users', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'CCC for Backstage', baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            auth: { providers: { guest: {}, 'ccc-demo': { users: [{ user: 'eva', description: 'No rights' }] } } },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(await screen.findByRole('button', { name: 'Enter' })).toBeInTheDocument();
    expect(screen.getAllByText(/guest/i).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Sign in as eva' })).toBeInTheDocument();
  });
});
