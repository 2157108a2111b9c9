import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint, type EntityProvider } from '@backstage/plugin-catalog-node';
import { catalogModuleCccEntityProvider } from './module';

describe('catalogModuleCccEntityProvider', () => {
  it('adds the ccc entity provider to the catalog', async () => {
    const addEntityProvider = jest.fn();

    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addEntityProvider }]],
      features: [
        catalogModuleCccEntityProvider,
        mockServices.rootConfig.factory({
          data: {
            catalog: { providers: { ccc: { schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } } } } },
          },
        }),
      ],
    });

    expect(addEntityProvider).toHaveBeenCalledTimes(1);
    const provided = addEntityProvider.mock.calls[0] as EntityProvider[];
    expect(provided).toHaveLength(1);
    expect(provided[0].getProviderName()).toBe('ccc-entity-provider');
  });

  it('starts without any provider config, using the default schedule', async () => {
    const addEntityProvider = jest.fn();

    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addEntityProvider }]],
      features: [catalogModuleCccEntityProvider, mockServices.rootConfig.factory({ data: {} })],
    });

    expect(addEntityProvider).toHaveBeenCalledTimes(1);
  });
});
