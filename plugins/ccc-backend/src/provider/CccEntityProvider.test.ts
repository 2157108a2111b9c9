import { mockServices, registerMswTestHooks } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { makeSystem } from './__testUtils__/makeSystem';
import { CccEntityProvider } from './CccEntityProvider';
import { transformSystem } from './transformSystem';

const BASE_URL = 'http://localhost:0/api/ccc';
const SYSTEMS_URL = `${BASE_URL}/systems`;

describe('CccEntityProvider', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  function setup(config: object = {}) {
    const logger = mockServices.logger.mock();
    const scheduler = mockServices.scheduler.mock();
    const provider = CccEntityProvider.fromConfig(new ConfigReader(config), {
      logger,
      scheduler,
      auth: mockServices.auth({ pluginId: 'catalog' }),
      discovery: mockServices.discovery(),
    });
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() } satisfies EntityProviderConnection;
    // The task as the provider registered it; the tests run it by hand.
    const scheduledTask = () => {
      expect(scheduler.scheduleTask).toHaveBeenCalledTimes(1);
      return scheduler.scheduleTask.mock.calls[0][0];
    };
    return { logger, scheduler, provider, connection, scheduledTask };
  }

  it('has a stable name', () => {
    expect(setup().provider.getProviderName()).toBe('ccc-entity-provider');
  });

  it('registers one global refresh task with the default schedule', async () => {
    const { provider, connection, scheduledTask } = setup();
    await provider.connect(connection);

    expect(scheduledTask()).toEqual({
      id: 'ccc-entity-provider:refresh',
      frequency: { minutes: 5 },
      timeout: { minutes: 1 },
      scope: 'global',
      fn: expect.any(Function),
    });
    // Connecting only schedules; nothing is written until the task runs.
    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('takes the schedule from catalog.providers.ccc.schedule', async () => {
    const { provider, connection, scheduledTask } = setup({
      catalog: { providers: { ccc: { schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } } } } },
    });
    await provider.connect(connection);

    expect(scheduledTask()).toMatchObject({
      id: 'ccc-entity-provider:refresh',
      frequency: { minutes: 30 },
      timeout: { minutes: 3 },
      scope: 'global',
    });
  });

  it('replaces its entities with the systems read on each run', async () => {
    const systems = [makeSystem(), makeSystem({ id: 'second', serialNumber: '0123456789', device: null })];
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json({ items: systems })));
    const { provider, connection, scheduledTask } = setup();
    await provider.connect(connection);

    await scheduledTask().fn(new AbortController().signal);

    expect(connection.applyMutation).toHaveBeenCalledTimes(1);
    expect(connection.applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: systems.map(system => ({
        locationKey: 'ccc-entity-provider',
        entity: transformSystem(system, BASE_URL),
      })),
    });
  });

  it('applies an empty full mutation when the ccc backend has no systems', async () => {
    // An empty list that was read successfully is the truth: the last system
    // was deleted, so its entity has to go.
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json({ items: [] })));
    const { provider, connection } = setup();
    await provider.connect(connection);

    await provider.refresh();

    expect(connection.applyMutation).toHaveBeenCalledWith({ type: 'full', entities: [] });
  });

  it('leaves the catalog alone and warns when the read fails', async () => {
    server.use(http.get(SYSTEMS_URL, () => new HttpResponse(null, { status: 500 })));
    const { provider, connection, logger, scheduledTask } = setup();
    await provider.connect(connection);

    await expect(scheduledTask().fn(new AbortController().signal)).resolves.toBeUndefined();

    expect(connection.applyMutation).not.toHaveBeenCalled();
    const taskLogger = logger.child.mock.results[0].value;
    expect(taskLogger.warn).toHaveBeenCalledWith(expect.stringMatching(/catalog left unchanged.*500/));
  });

  it('leaves the catalog alone when the answer has the wrong shape', async () => {
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json({ systems: [] })));
    const { provider, connection, logger } = setup();
    await provider.connect(connection);

    await provider.refresh({ logger });

    expect(connection.applyMutation).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/"items" array/));
  });

  it('writes nothing when the run was cancelled', async () => {
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json({ items: [makeSystem()] })));
    const { provider, connection } = setup();
    await provider.connect(connection);
    const controller = new AbortController();
    controller.abort();

    await provider.refresh({ signal: controller.signal });

    expect(connection.applyMutation).not.toHaveBeenCalled();
  });

  it('logs, rather than throws, when the catalog refuses the mutation', async () => {
    server.use(http.get(SYSTEMS_URL, () => HttpResponse.json({ items: [makeSystem()] })));
    const { provider, connection, logger, scheduledTask } = setup();
    connection.applyMutation.mockRejectedValue(new Error('database locked'));
    await provider.connect(connection);

    await expect(scheduledTask().fn(new AbortController().signal)).resolves.toBeUndefined();

    expect(logger.child.mock.results[0].value.error).toHaveBeenCalledWith(expect.stringMatching(/database locked/));
  });

  it('refuses to refresh before the catalog connected it', async () => {
    await expect(setup().provider.refresh()).rejects.toThrow(/not connected/);
  });
});
