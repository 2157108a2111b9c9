import { LoggerService } from '@backstage/backend-plugin-api';
import { GrantableRole } from '@internal/plugin-ccc-common';
import { AccessStore } from '../database/AccessStore';
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
  /** Roles the owner gives out on the demo systems, so that demo users see something. */
  grants?: DemoGrant[];
  /** Where the grants are stored; required with `grants`. */
  access?: AccessStore;
}

/** A grant of `ccc.demo.grants`: roles for a user or catalog group on the first `systems` demo systems (default all). */
export interface DemoGrant {
  subjectRef: string;
  roles: GrantableRole[];
  systems?: number;
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
  const registered: string[] = [];
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
    registered.push(system.id);
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
  const at = new Date().toISOString();
  for (const grant of options.grants ?? []) {
    for (const systemId of registered.slice(0, grant.systems ?? registered.length)) {
      await options.access!.setGrant({ systemId, subjectRef: grant.subjectRef, roles: grant.roles, grantedBy: ownerRef, at });
    }
  }
  await store.setState(SEEDED_KEY, at);
  logger.info(
    `Demo: registered ${toPair.length} simulated COMtrexx systems, paired ${paired}; ${keep} left unregistered`,
  );
  return paired;
}
