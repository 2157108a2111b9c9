import { LoggerService } from '@backstage/backend-plugin-api';
import { SystemStore } from '../database/SystemStore';
import { SystemsService } from '../systems/SystemsService';

/** Options for {@link seedDemoFleet}. */
export interface DemoSeedOptions {
  store: SystemStore;
  systems: SystemsService;
  logger: LoggerService;
  /** Base URL of the COMtrexx simulator. */
  simulatorUrl: string;
  /** The user who owns the demo systems. */
  ownerRef: string;
  /** Catalog group that owns the entities; default: the owner. */
  catalogOwnerRef?: string;
  /** How many simulated devices stay unregistered (the last ones), to try the flow by hand. */
  leaveUnregistered?: number;
}

const SEEDED_KEY = 'demo-fleet-seeded';

/**
 * On the first start of a demo portal, registers the simulated fleet and
 * pairs it the way an admin would: register, then confirm the token on the
 * device (through the simulator's local confirm action). Runs once: a marker
 * in the database keeps deleted demo systems from coming back.
 * Returns the number of systems paired, or undefined when already seeded.
 */
export async function seedDemoFleet(options: DemoSeedOptions): Promise<number | undefined> {
  const { store, systems, logger, simulatorUrl, ownerRef } = options;
  if (await store.getState(SEEDED_KEY)) {
    return undefined;
  }
  const res = await fetch(`${simulatorUrl}/fleet`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) {
    throw new Error(`The COMtrexx simulator at ${simulatorUrl} answered ${res.status}`);
  }
  const fleet = ((await res.json()) as { data: Array<{ serialNumber: string; hostname: string; model: string }> }).data;
  const keep = Math.min(options.leaveUnregistered ?? 1, fleet.length);
  const toPair = fleet.slice(0, fleet.length - keep);

  let paired = 0;
  for (const device of toPair) {
    if (await store.getBySerial(device.serialNumber)) {
      continue;
    }
    const { system, token } = await systems.register(
      {
        name: `${device.model} ${device.hostname}`,
        serialNumber: device.serialNumber,
        catalogOwnerRef: options.catalogOwnerRef,
      },
      ownerRef,
    );
    const confirm = await fetch(
      `${simulatorUrl}/devices/${encodeURIComponent(device.serialNumber)}/api/v1/ccc/access/confirm`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ confirmationCode: token.code }),
        signal: AbortSignal.timeout(15_000),
      },
    );
    if (confirm.ok) {
      paired++;
    } else {
      logger.warn(`Demo: pairing ${device.serialNumber} failed (${confirm.status}); it stays pending as ${system.name}`);
    }
  }
  await store.setState(SEEDED_KEY, new Date().toISOString());
  logger.info(
    `Demo: registered ${toPair.length} simulated COMtrexx systems, paired ${paired}; ${keep} left unregistered`,
  );
  return paired;
}
