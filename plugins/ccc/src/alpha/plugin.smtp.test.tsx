import { createExtensionTester, mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import { fakeCccApi, makeSystem } from '../__testUtils__/fakes';
import { makeWarning } from '../__testUtils__/smtpFakes';
import { cccApiRef } from '../api/CccApi';
import { EntityCccSmtpContent, EntityCccWarningsContent } from '../plugin';
import cccPlugin from './plugin';

const annotated = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'berlin-hq', annotations: { 'auerswald.de/comtrexx-serial-number': 'A1B2C3D4E5' } },
  spec: { type: 'pbx', owner: 'group:default/telephony' },
};

describe('SMTP and Warnings entity tabs', () => {
  it.each([
    ['entity-content:ccc/warnings' as const, 'Warnings'],
    ['entity-content:ccc/smtp' as const, 'SMTP'],
  ])('%s is offered for entities with the serial-number annotation only', (id, title) => {
    // The title is a translated message, resolved through the translation API.
    const tester = createExtensionTester(cccPlugin.getExtension(id), { apis: [mockApis.translation()] });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(title);
    const matches = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(matches?.(annotated)).toBe(true);
    expect(matches?.({ ...annotated, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the warnings of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    api.listWarnings.mockResolvedValue({ items: [makeWarning({ text: 'Fan fault' })], totalCount: 1 });

    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotated }), cccPlugin.getExtension('entity-content:ccc/warnings')],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByRole('rowheader', { name: 'Fan fault' })).toBeInTheDocument();
    expect(api.listWarnings).toHaveBeenCalledWith('sys-1', expect.objectContaining({ sort: 'ts' }));
  });

  it('renders the mail server of the annotated COMtrexx', async () => {
    const api = fakeCccApi();
    api.getSystemBySerial.mockResolvedValue(makeSystem());
    const office = { id: 'srv-1', name: 'Office mail', isDefault: true };
    api.getSystemSmtp.mockResolvedValue({ assigned: null, effective: office });
    api.listSmtpServers.mockResolvedValue({ details: false, items: [office] });

    renderTestApp({
      extensions: [createTestEntityPage({ entity: annotated }), cccPlugin.getExtension('entity-content:ccc/smtp')],
      apis: [[cccApiRef, api]],
    });

    expect(await screen.findByTestId('ccc-smtp-effective')).toHaveTextContent('Office mail (default server)');
  });

  it('exports both tabs for legacy apps', () => {
    expect(EntityCccWarningsContent).toBeDefined();
    expect(EntityCccSmtpContent).toBeDefined();
  });
});
