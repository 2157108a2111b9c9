import { ConflictError } from '@backstage/errors';
import { CccFirmwareOverview, CccJob, firmwareUpdateRequestSchema } from '@internal/plugin-ccc-common';
import { DeviceClient } from '../device/DeviceClient';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { SystemsService } from '../systems/SystemsService';
import { parse } from '../validation';

/** Firmware of a system (manual: "Update einschließlich Neustart"): versions, update now, update history. */
export class FirmwareService {
  readonly #systems: SystemsService;
  readonly #devices: DeviceClient;
  readonly #jobs: DeviceJobs;

  constructor(options: { systems: SystemsService; devices: DeviceClient; jobs: DeviceJobs }) {
    this.#systems = options.systems;
    this.#devices = options.devices;
    this.#jobs = options.jobs;
  }

  /** Installed and available version, the device's update status and the updates started through the CCC. */
  async overview(systemId: string): Promise<CccFirmwareOverview> {
    const { target } = await this.#systems.manageableTarget(systemId);
    const [firmware, status, history, running] = await Promise.all([
      this.#devices.getFirmware(target),
      this.#devices.getFirmwareUpdateStatus(target),
      this.#jobs.list(systemId, ['firmware']),
      this.#jobs.running(systemId),
    ]);
    return {
      installed: firmware.installed,
      available: firmware.available,
      updateServerReachable: firmware.updateServerReachable,
      device: {
        state: status.state,
        progress: status.progress,
        fromVersion: status.fromVersion,
        toVersion: status.toVersion,
        message: status.message,
      },
      history,
      runningJob: running?.kind === 'firmware' ? running : null,
    };
  }

  /** Starts "update now including restart" after the caller's confirmation. */
  async startUpdate(systemId: string, input: unknown, actorRef: string): Promise<CccJob> {
    parse(firmwareUpdateRequestSchema, input);
    const { target } = await this.#systems.manageableTarget(systemId);
    const firmware = await this.#devices.getFirmware(target);
    if (!firmware.available) {
      throw new ConflictError(`The PBX runs ${firmware.installed}; the update server offers no newer firmware`);
    }
    return this.#jobs.start({
      systemId,
      kind: 'firmware',
      actorRef,
      target,
      fromVersion: firmware.installed,
      toVersion: firmware.available,
      begin: t => this.#devices.startFirmwareUpdate(t),
    });
  }
}
