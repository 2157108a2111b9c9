import { renderInTestApp } from '@backstage/frontend-test-utils';
import { CccDashboard, CccHealth } from '@internal/plugin-ccc-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeCccApi, formatDate, responseError } from '../../__testUtils__/fakes';
import { cccApiRef } from '../../api/CccApi';
import packageJson from '../../../package.json';
import { DashboardPage } from './DashboardPage';

const healthy: CccHealth = {
  status: 'ok',
  checkedAt: '2026-11-27T06:00:00Z',
  database: { status: 'ok', latencyMs: 1 },
  devices: { status: 'ok', latencyMs: 3 },
};

function makeDashboard(overrides: Partial<CccDashboard> = {}): CccDashboard {
  return {
    version: '0.4.0',
    runtime: 'Node.js 20.11.1',
    systemsByState: { paired_ok: 2, error: 1 },
    news: [
      {
        title: 'Firmware 8.4 released',
        url: 'https://example.com/news/8-4',
        publishedAt: '2026-11-20T09:00:00Z',
        summary: 'Remote configuration for everyone.',
      },
      {
        title: 'Maintenance window',
        url: null,
        publishedAt: null,
        summary: null,
      },
    ],
    newsError: null,
    links: [
      { title: 'Online help', url: 'https://example.com/help' },
      { title: 'Privacy policy', url: 'https://example.com/privacy' },
    ],
    ...overrides,
  };
}

function renderPage(api: ReturnType<typeof fakeCccApi>) {
  return renderInTestApp(<DashboardPage />, { apis: [[cccApiRef, api]] });
}

function fakeApi(dashboard: CccDashboard = makeDashboard()) {
  const api = fakeCccApi();
  api.getDashboard.mockResolvedValue(dashboard);
  api.getHealth.mockResolvedValue(healthy);
  return api;
}

const statusRows = () =>
  within(screen.getByRole('table', { name: 'Status information' }))
    .getAllByRole('row')
    .map(row => row.textContent);

describe('DashboardPage', () => {
  afterEach(() => {
    // Tests replace the clipboard; later tests must not see their stubs.
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    });
  });

  it('shows versions, health and the systems by state', async () => {
    renderPage(fakeApi());

    expect(await screen.findByRole('table', { name: 'Status information' })).toBeInTheDocument();
    await waitFor(() => expect(statusRows()).toContain('Backend healthOK (Database: OK, Device gateway: OK)'));
    expect(statusRows()).toEqual([
      'CCC server version0.4.0',
      'Backend runtimeNode.js 20.11.1',
      `Frontend plugin version${packageJson.version}`,
      'Backend healthOK (Database: OK, Device gateway: OK)',
      'Your systems3',
      // The labels of the systems list; states without systems are left out.
      'Paired2',
      'Error1',
    ]);
  });

  it('copies the status information as text', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn().mockResolvedValue(undefined);
    // userEvent.setup() installs its own clipboard; replace it after setup.
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    const api = fakeApi();
    api.getHealth.mockResolvedValue({
      ...healthy,
      status: 'degraded',
      devices: { status: 'down', message: 'connect ECONNREFUSED' },
    });
    renderPage(api);

    await screen.findByText(/Degraded/);
    await user.click(screen.getByRole('button', { name: 'Copy status information' }));

    expect(writeText).toHaveBeenCalledWith(
      [
        'COMtrexx Control Center – status information',
        'CCC server version: 0.4.0',
        'Backend runtime: Node.js 20.11.1',
        `Frontend plugin version: ${packageJson.version}`,
        'Backend health: Degraded (Database: OK, Device gateway: Unreachable (connect ECONNREFUSED))',
        'Your systems: 3',
        '  Paired: 2',
        '  Error: 1',
      ].join('\n'),
    );
    expect(await screen.findByText('Status information copied')).toBeInTheDocument();
  });

  it('shows the text to copy by hand when the browser has no clipboard', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    });
    renderPage(fakeApi(makeDashboard({ systemsByState: {} })));

    await screen.findByRole('table', { name: 'Status information' });
    await user.click(screen.getByRole('button', { name: 'Copy status information' }));

    expect(await screen.findByText(/Copying is not possible in this browser/)).toBeInTheDocument();
    const field = screen.getByRole('textbox', {
      name: 'Status information as text',
    });
    expect((field as HTMLTextAreaElement).value).toContain('CCC server version: 0.4.0\n');
    expect((field as HTMLTextAreaElement).value).toContain('Your systems: 0');
  });

  it('tells when the backend health cannot be read', async () => {
    const api = fakeApi();
    api.getHealth.mockRejectedValue(new Error('Failed to fetch'));
    renderPage(api);
    expect(await screen.findByText('Not reachable: Failed to fetch')).toBeInTheDocument();
    expect(screen.getByText('0.4.0')).toBeInTheDocument();
  });

  it('links the help and legal documents in new tabs', async () => {
    renderPage(fakeApi());

    const list = await screen.findByRole('list', {
      name: 'Help and legal documents',
    });
    const help = within(list).getByRole('link', { name: 'Online help' });
    expect(help).toHaveAttribute('href', 'https://example.com/help');
    expect(help).toHaveAttribute('target', '_blank');
    expect(help).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(within(list).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute(
      'href',
      'https://example.com/privacy',
    );
  });

  it('shows the news with links, dates and summaries', async () => {
    renderPage(fakeApi());

    const list = await screen.findByRole('list', { name: 'News' });
    const link = within(list).getByRole('link', {
      name: 'Firmware 8.4 released',
    });
    expect(link).toHaveAttribute('href', 'https://example.com/news/8-4');
    expect(link).toHaveAttribute('target', '_blank');
    expect(within(list).getByText(formatDate('2026-11-20T09:00:00Z'))).toBeInTheDocument();
    expect(within(list).getByText('Remote configuration for everyone.')).toBeInTheDocument();
    // An item without URL is plain text.
    expect(within(list).getByText('Maintenance window')).toBeInTheDocument();
    expect(within(list).queryByRole('link', { name: 'Maintenance window' })).not.toBeInTheDocument();
    expect(screen.queryByText('No news')).not.toBeInTheDocument();
  });

  it('shows empty states without links and news', async () => {
    renderPage(fakeApi(makeDashboard({ links: [], news: [] })));

    expect(await screen.findByText('No documents linked')).toBeInTheDocument();
    expect(screen.getByText(/setting ccc\.links of the app configuration/)).toBeInTheDocument();
    expect(screen.getByText('No news')).toBeInTheDocument();
    expect(screen.getByText(/ccc\.news\.url/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'News' })).not.toBeInTheDocument();
  });

  it('warns when the news source failed', async () => {
    renderPage(
      fakeApi(
        makeDashboard({
          news: [],
          newsError: 'The news feed answered 502 Bad Gateway',
        }),
      ),
    );

    expect(
      await screen.findByText('The news could not be loaded: The news feed answered 502 Bad Gateway'),
    ).toBeInTheDocument();
    // A failing source is not "no source configured".
    expect(screen.queryByText('No news')).not.toBeInTheDocument();
  });

  it('shows why the dashboard could not be loaded', async () => {
    const api = fakeApi();
    api.getDashboard.mockRejectedValue(await responseError(500, 'Database unavailable'));
    renderPage(api);
    expect(await screen.findByText('The dashboard could not be loaded: Database unavailable')).toBeInTheDocument();
  });
});
