import { Entity } from '@backstage/catalog-model';
import { translationApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { CALL_DATA_LEGAL_NOTICE, CccCallDataPage } from '@internal/plugin-ccc-common';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeCallDataPage, makeCallDataRecord } from '../../__testUtils__/callDataFakes';
import { fakeCccApi, makeSystem, responseError } from '../../__testUtils__/fakes';
import { germanTranslationApi } from '../../__testUtils__/germanTranslationApi';
import { cccApiRef } from '../../api/CccApi';
import { cccMessages } from '../../translation';
import { EntityCccCallDataContent } from './EntityCccCallDataContent';

// Generous: the first render loads the whole MUI tree, which is slow while other suites run in parallel.
configure({ asyncUtilTimeout: 5000 });

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

const incoming = makeCallDataRecord();
const outgoing = makeCallDataRecord({
  id: 2,
  startAt: '2026-11-27T09:00:00Z',
  durationSeconds: 3723,
  externalNumber: '+4940987***',
  externalName: '',
  success: false,
  direction: 'outgoing',
  callType: 'CfExtern',
});

const manualColumns = [
  'Date/time',
  'Duration',
  'External partner',
  'External name',
  'Billing no.',
  'Billing name',
  'Real name',
  'Line',
  'Billing type',
  'Call type',
  'Direction',
];

function apiWith(...pages: CccCallDataPage[]) {
  const api = fakeCccApi();
  api.getSystemBySerial.mockResolvedValue(makeSystem());
  if (pages.length > 0) {
    // The last page answers every later request.
    pages.forEach(p => api.listCallData.mockResolvedValueOnce(p));
    api.listCallData.mockResolvedValue(pages[pages.length - 1]);
  }
  return api;
}

function renderTab(api: ReturnType<typeof fakeCccApi>, extraApis: Array<readonly [any, any]> = []) {
  return renderInTestApp(
    <EntityProvider entity={entity}>
      <EntityCccCallDataContent />
    </EntityProvider>,
    { apis: [[cccApiRef, api], [permissionApiRef, mockApis.permission()], ...extraApis] as any },
  );
}

const table = () => screen.findByRole('table', { name: 'Call data' });
const lastQuery = (api: ReturnType<typeof fakeCccApi>) => api.listCallData.mock.calls.at(-1)?.[1];
const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));

describe('EntityCccCallDataContent', () => {
  it("lists the calls in the manual's columns with durations, success words and direction", async () => {
    const api = apiWith(makeCallDataPage([outgoing, incoming], { masked: true }));
    renderTab(api);

    const calls = await table();
    expect(
      within(calls)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual(manualColumns);
    expect(api.listCallData).toHaveBeenCalledWith('sys-1', { sort: 'startAt', order: 'desc', limit: 50 });

    const [, first, second] = within(calls).getAllByRole('row');
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map(c => c.textContent);
    expect(cells(first)).toEqual([
      dateTime('2026-11-27T09:00:00Z'),
      '1:02:03',
      '+4940987***',
      '—',
      '21',
      'Reception',
      'Anna Adler',
      '0531123450',
      'unsuccessful',
      'CfExtern',
      'Outgoing',
    ]);
    expect(cells(second).slice(0, 2)).toEqual([dateTime('2026-11-27T08:15:30Z'), '0:01:05']);
    expect(cells(second)[8]).toBe('successful');
    expect(within(second).getByRole('img', { name: 'Incoming' })).toBeInTheDocument();
    expect(screen.getByText('External numbers are shown with their last three digits hidden (***).')).toBeVisible();
    expect(screen.getByText('1–2 of 2')).toBeInTheDocument();
  });

  it('speaks German: headers and the words of the manual for success', async () => {
    const api = apiWith(makeCallDataPage([outgoing, incoming]));
    renderTab(api, [[translationApiRef, germanTranslationApi()]]);

    const calls = await screen.findByRole('table', { name: 'Gesprächsdaten' });
    // The column names of the manual's call data page, in its order.
    expect(
      within(calls)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).toEqual([
      'Datum/Uhrzeit',
      'Dauer',
      'Externer Partner',
      'Externer Name',
      'Nr. Rechnung',
      'Name Rechnung',
      'Name real',
      'Anschluss',
      'Abrechnungsart',
      'Anruftyp',
      'Richtung',
    ]);
    expect(within(calls).getByText('vergeblich')).toBeInTheDocument();
    expect(within(calls).getByText('erfolgreich')).toBeInTheDocument();
    expect(within(calls).getByRole('img', { name: 'Gehend' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Exportieren' })).toBeInTheDocument();
  });

  it('sorts by any column on the server, with page numbers outside the order by start time', async () => {
    const user = userEvent.setup();
    const api = apiWith(makeCallDataPage([incoming, outgoing], { totalCount: 120 }));
    renderTab(api);
    await table();

    await user.click(screen.getByRole('button', { name: 'Duration' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'duration', order: 'desc', limit: 50 }));
    await user.click(screen.getByRole('button', { name: 'Duration' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'duration', order: 'asc', limit: 50 }));
    await user.click(screen.getByRole('button', { name: 'External name' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'externalName', order: 'asc', limit: 50 }));

    // 120 records: three numbered pages, served by offset.
    await user.click(await screen.findByRole('button', { name: 'Go to page 3' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'externalName', order: 'asc', limit: 50, offset: 100 }));
    expect(screen.queryByRole('button', { name: 'Go to page 4' })).not.toBeInTheDocument();
  });

  it('pages by the keyset cursor in the order by start time', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.listCallData.mockImplementation(async (_id, params) => {
      if (params?.cursor === 'c1') return makeCallDataPage([outgoing], { totalCount: 51, nextCursor: null });
      return makeCallDataPage([incoming], { totalCount: 51, nextCursor: 'c1' });
    });
    renderTab(api);
    await table();

    expect(screen.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'startAt', order: 'desc', limit: 50, cursor: 'c1' }));
    expect(await screen.findByText('51–51 of 51')).toBeInTheDocument();
    // No cursor handed out: this is the last page.
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'startAt', order: 'desc', limit: 50 }));
    expect(await screen.findByText('1–1 of 51')).toBeInTheDocument();
  });

  it('sends the search after a pause, and the filters, starting again at the first page', async () => {
    const user = userEvent.setup();
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.listCallData.mockResolvedValue(makeCallDataPage([incoming], { totalCount: 80, nextCursor: 'c1' }));
    renderTab(api);
    await table();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ cursor: 'c1' }));

    await user.type(screen.getByRole('textbox', { name: 'Search numbers and names' }), 'Müller');
    await waitFor(() => expect(lastQuery(api)).toEqual({ q: 'Müller', sort: 'startAt', order: 'desc', limit: 50 }));
    // Debounced: no request for the letters typed on the way.
    expect(api.listCallData.mock.calls.filter(([, p]) => p?.q && p.q !== 'Müller')).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Direction' }), 'Outgoing');
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ q: 'Müller', direction: 'outgoing' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Billing type' }), 'unsuccessful');
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ direction: 'outgoing', success: false }));

    await user.type(screen.getByRole('textbox', { name: 'Extension' }), '21');
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ extension: '21' }));

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01T08:00' } });
    await waitFor(() => expect(lastQuery(api)).toMatchObject({ from: new Date('2026-11-01T08:00').toISOString() }));
    expect(lastQuery(api)?.cursor).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Reset filters' }));
    await waitFor(() => expect(lastQuery(api)).toEqual({ sort: 'startAt', order: 'desc', limit: 50 }));
    expect(screen.getByRole('textbox', { name: 'Search numbers and names' })).toHaveValue('');
  });

  it('marks invalid filters and does not send them', async () => {
    const user = userEvent.setup();
    const api = apiWith(makeCallDataPage([incoming]));
    renderTab(api);
    await table();

    await user.type(screen.getByRole('textbox', { name: 'Extension' }), '2a');
    expect(await screen.findByText('Digits, * and # only (up to 32)')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-02T08:00' } });
    await waitFor(() => expect(lastQuery(api)).toHaveProperty('from'));
    fireEvent.change(screen.getByLabelText('Until'), { target: { value: '2026-11-01T08:00' } });
    expect(screen.getByText('Must be later than From')).toBeInTheDocument();

    // Give the debounce time to run: still neither the extension nor the reversed range went out.
    await new Promise(resolve => setTimeout(resolve, 500));
    for (const [, params] of api.listCallData.mock.calls) {
      expect(params?.to).toBeUndefined();
      expect(params?.extension).toBeUndefined();
    }
  });

  it('tells "nothing collected yet" from "nothing matches the filter"', async () => {
    const user = userEvent.setup();
    const api = apiWith(makeCallDataPage([]));
    renderTab(api);
    expect(await screen.findByText('No call data collected yet')).toBeInTheDocument();
    // Nothing to export either, and the button says so.
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled();

    await user.type(screen.getByRole('textbox', { name: 'Search numbers and names' }), 'Nobody');
    expect(await screen.findByText('Nothing matches the filter')).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Reset filters' })[0]);
    expect(await screen.findByText('No call data collected yet')).toBeInTheDocument();
  });

  it("shows the backend's sentence when the list fails", async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.listCallData.mockRejectedValue(await responseError(400, 'from must be before to'));
    renderTab(api);
    expect(await screen.findByText('The call data could not be loaded: from must be before to')).toBeInTheDocument();
  });

  it('notes that a system the CCC may not manage collects no new calls', async () => {
    const api = apiWith(makeCallDataPage([incoming]));
    api.getSystemBySerial.mockResolvedValue(
      makeSystem({
        device: {
          model: 'COMtrexx Advanced',
          firmwareVersion: '2.6.1',
          maintenance: { active: false, validUntil: null },
        },
      }),
    );
    renderTab(api);
    await table();
    expect(screen.getByText(/collects new call data only from systems it may manage/)).toBeInTheDocument();
  });

  it('explains an unregistered serial number', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockRejectedValue(await responseError(404, 'No system with serial number A1B2C3D4E5'));
    renderTab(api);
    expect(await screen.findByText('This COMtrexx is not registered in the CCC (any more)')).toBeInTheDocument();
    expect(api.listCallData).not.toHaveBeenCalled();
  });
});

describe('Exporting call data', () => {
  const createObjectURL = jest.fn(() => 'blob:gespr_dat');
  const revokeObjectURL = jest.fn();
  let clicked: HTMLAnchorElement[];

  beforeAll(() => {
    // jsdom has no object URLs; the component needs only these two.
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });
  beforeEach(() => {
    clicked = [];
    // jsdom cannot navigate; record the link the download would follow instead.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function record(this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows the legal notice, downloads only after it was acknowledged, with the filters', async () => {
    const user = userEvent.setup();
    const api = apiWith(makeCallDataPage([incoming, outgoing], { totalCount: 2 }));
    const file = new Blob(['\uFEFFDatum/Uhrzeit;Dauer\r\n'], { type: 'text/csv' });
    let deliver: (blob: Blob) => void = () => {};
    api.exportCallData.mockReturnValue(new Promise(resolve => (deliver = resolve)));
    renderTab(api);
    await table();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Direction' }), 'Outgoing');

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export call data' });
    expect(within(dialog).getByText(CALL_DATA_LEGAL_NOTICE)).toBeInTheDocument();
    expect(within(dialog).getByText(/gespr_dat\.csv will contain all 2 calls/)).toBeInTheDocument();

    const download = within(dialog).getByRole('button', { name: 'Download' });
    expect(download).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /I have read the legal notice/ }));
    expect(download).toBeEnabled();
    expect(api.exportCallData).not.toHaveBeenCalled();

    await user.click(download);
    expect(api.exportCallData).toHaveBeenCalledWith('sys-1', { direction: 'outgoing', acknowledge: true });
    // The file is being prepared: spinner, and nothing can be clicked twice.
    expect(within(dialog).getByRole('button', { name: 'Preparing the file…' })).toBeDisabled();
    expect(within(dialog).getByRole('progressbar')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();

    deliver(file);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(createObjectURL).toHaveBeenCalledWith(file);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('gespr_dat.csv');
    expect(clicked[0].href).toBe('blob:gespr_dat');
    // The temporary link is gone again.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('shows why an export failed and keeps the dialog open', async () => {
    const user = userEvent.setup();
    const api = apiWith(makeCallDataPage([incoming]));
    api.exportCallData.mockRejectedValue(await responseError(500, 'database down'));
    renderTab(api);
    await table();

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export call data' });
    await user.click(within(dialog).getByRole('checkbox', { name: /I have read the legal notice/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(await within(dialog).findByText('The export failed: database down')).toBeInTheDocument();
    expect(clicked).toHaveLength(0);

    // Opened again, the notice must be acknowledged again.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const again = await screen.findByRole('dialog', { name: 'Export call data' });
    expect(within(again).getByRole('checkbox', { name: /I have read the legal notice/ })).not.toBeChecked();
    expect(within(again).queryByText(/The export failed/)).not.toBeInTheDocument();
  });

  it("shows the manual's notice: the English text is ccc-common's", () => {
    expect(cccMessages.callData.export.legalNotice).toBe(CALL_DATA_LEGAL_NOTICE);
  });
});
