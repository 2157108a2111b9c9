import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { RunningSimulator, startSimulator } from '@internal/comtrexx-simulator';
import {
  CccRolloutDetails,
  CreateRolloutRequest,
} from '@internal/plugin-ccc-common';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { CccDatabase, createCccDatabase } from '../database/CccDatabase';
import { migrateDatabase } from '../database/migrateDatabase';
import { HttpDeviceClient } from '../device/HttpDeviceClient';
import { FirmwareService } from '../firmware/FirmwareService';
import { DeviceJobs } from '../jobs/DeviceJobs';
import { SecretBox } from '../secrets/SecretBox';
import { CccHttpError } from '../service/errors';
import { SystemsService } from '../systems/SystemsService';
import { RolloutService, RolloutViewer } from './RolloutService';
import { isWindowOpen } from './updateWindow';

jest.setTimeout(180_000);

const databases = createTestDatabases();
const secrets = new SecretBox('rollouts-test-key-0123456789abcdefghijklm');
const ADMIN = 'user:default/anna';
const ADMIN_VIEW: RolloutViewer = { actorRef: ADMIN };
const FLEET = 4;

/** The services of one backend process; a "restart" builds them again over the same database. */
interface Backend {
  systems: SystemsService;
  jobs: DeviceJobs;
  rollouts: RolloutService;
  firmware: FirmwareService;
}

/**
 * Rollouts against a simulated fleet over HTTP, with the simulator's and the
 * CCC's clocks moved together: waves, backups before updates, the failure
 * policy, pause/abort, the update window and restarts.
 */
describe.each(databases.eachSupportedId())(
  'fleet firmware rollouts against the simulator (%s)',
  databaseId => {
    let clock: Date;
    let simulator: RunningSimulator;
    let db: CccDatabase;
    let backend: Backend;
    let systemIds: string[];

    const tick = (seconds: number) => {
      clock = new Date(clock.getTime() + seconds * 1000);
    };

    function startBackend(): Backend {
      const devices = new HttpDeviceClient({ timeoutMs: 3000 });
      const logger = mockServices.logger.mock();
      const now = () => clock;
      const systems = new SystemsService({
        db,
        secrets,
        devices,
        logger,
        deviceUrlTemplate: simulator.deviceUrlTemplate,
        now,
      });
      const jobs = new DeviceJobs({ db, systems, devices, logger, now });
      return {
        systems,
        jobs,
        rollouts: new RolloutService({
          db,
          systems,
          devices,
          jobs,
          logger,
          now,
        }),
        firmware: new FirmwareService({ systems, devices, jobs }),
      };
    }

    /** One round of both scheduled tasks: follow the device jobs, then advance the rollouts. */
    async function round(b: Backend = backend) {
      await b.jobs.followAll();
      await b.rollouts.advanceAll();
    }

    /** Rounds every `stepSeconds` until `done` holds for the rollout. */
    async function runUntil(
      id: string,
      done: (r: CccRolloutDetails) => boolean,
      stepSeconds = 10,
      maxSteps = 300,
    ) {
      for (let i = 0; i < maxSteps; i++) {
        await round();
        const rollout = await backend.rollouts.get(id, ADMIN_VIEW);
        if (done(rollout)) return rollout;
        tick(stepSeconds);
      }
      throw new Error('the rollout did not get there');
    }

    const request = (
      patch: Partial<CreateRolloutRequest> = {},
    ): CreateRolloutRequest => ({
      name: 'Winter update',
      selection: { kind: 'systems', systemIds },
      canarySize: 1,
      batchSize: 2,
      maxFailuresPerWave: 1,
      window: null,
      ...patch,
    });

    const stepOf = (rollout: CccRolloutDetails, systemId: string) =>
      rollout.systems.find(s => s.systemId === systemId)!.step;
    const jobsOf = (systemId: string, kind: 'backup' | 'firmware') =>
      backend.jobs.list(systemId, [kind]);

    beforeEach(async () => {
      // A Friday morning.
      clock = new Date('2026-11-20T10:00:00.000Z');
      simulator = await startSimulator({
        seed: 4711,
        size: FLEET,
        now: () => clock,
      });
      const knex = await databases.init(databaseId);
      await migrateDatabase(mockServices.database({ knex }));
      db = createCccDatabase(knex);
      backend = startBackend();
      systemIds = [];
      for (const [index, device] of simulator.fleet.entries()) {
        const credentials = {
          username: 'ccc-api',
          password: `rollout-device-pw-${index}`,
        };
        device.ccc = {
          ...device.ccc,
          state: 'confirmed',
          apiUser: credentials,
        };
        device.maintenance = {
          active: true,
          validUntil: '2030-01-01T00:00:00.000Z',
        };
        device.firmwareVersion = '2.6.0';
        device.firmware.updateServerReachable = true;
        device.backup.config = {
          configured: true,
          serverAddress: 'backup.example.com',
          passwordSet: true,
        };
        const { system, token } = await backend.systems.register(
          { name: `PBX ${index + 1}`, serialNumber: device.serialNumber },
          ADMIN,
        );
        await backend.systems.pair({
          serialNumber: device.serialNumber,
          token: token.code,
          credentials,
        });
        const refreshed = await backend.systems.refresh(system.id);
        if (refreshed.state !== 'paired_ok')
          throw new Error(
            `Set-up failed: ${refreshed.state} ${refreshed.stateMessage}`,
          );
        systemIds.push(system.id);
      }
    });

    afterEach(async () => {
      await simulator?.close();
    });

    it('runs the canary first, then batches, backing up each system before its update', async () => {
      const created = await backend.rollouts.create(request(), ADMIN_VIEW);
      expect(created).toMatchObject({
        state: 'running',
        waveCount: 3,
        currentWave: 0,
        counts: { total: FLEET, pending: FLEET },
      });
      expect(created.waves.map(w => [w.kind, w.counts.total])).toEqual([
        ['canary', 1],
        ['batch', 2],
        ['batch', 1],
      ]);

      await round();
      // Only the canary moved: its backup runs, nothing else was touched.
      const first = await backend.rollouts.get(created.id, ADMIN_VIEW);
      expect(first.systems.map(s => s.step)).toEqual([
        'backing_up',
        'pending',
        'pending',
        'pending',
      ]);
      for (const id of systemIds.slice(1))
        expect(await backend.jobs.list(id)).toEqual([]);

      // The canary's update waits for the device to come back at the new version before wave 2 starts.
      const canaryDone = await runUntil(created.id, r => r.currentWave === 1);
      expect(canaryDone.systems[0]).toMatchObject({
        step: 'succeeded',
        fromVersion: '2.6.0',
        toVersion: '2.6.2',
      });
      expect(
        (await backend.systems.get(systemIds[0])).device?.firmwareVersion,
      ).toBe('2.6.2');
      const canaryUpdate = (await jobsOf(systemIds[0], 'firmware'))[0];

      const done = await runUntil(created.id, r => r.finishedAt !== null);
      expect(done).toMatchObject({
        state: 'completed',
        counts: { succeeded: FLEET, failed: 0 },
      });
      for (const id of systemIds) {
        const [backup] = await jobsOf(id, 'backup');
        const [update, ...more] = await jobsOf(id, 'firmware');
        expect(more).toEqual([]);
        expect(backup).toMatchObject({
          state: 'succeeded',
          rolloutId: created.id,
        });
        expect(update).toMatchObject({
          state: 'succeeded',
          toVersion: '2.6.2',
          rolloutId: created.id,
        });
        expect(Date.parse(backup.finishedAt!)).toBeLessThanOrEqual(
          Date.parse(update.startedAt),
        );
      }
      for (const id of systemIds.slice(1)) {
        const [update] = await jobsOf(id, 'firmware');
        expect(Date.parse(update.startedAt)).toBeGreaterThanOrEqual(
          Date.parse(canaryUpdate.finishedAt!),
        );
      }
      // Wave 3 started only after both systems of wave 2 were done.
      const wave2End = Math.max(
        ...(await Promise.all(
          systemIds
            .slice(1, 3)
            .map(async id =>
              Date.parse((await jobsOf(id, 'firmware'))[0].finishedAt!),
            ),
        )),
      );
      expect(
        Date.parse((await jobsOf(systemIds[3], 'backup'))[0].startedAt),
      ).toBeGreaterThanOrEqual(wave2End);

      // The system's firmware history names the rollout.
      const overview = await backend.firmware.overview(systemIds[2]);
      expect(overview.history[0]).toMatchObject({
        rolloutId: created.id,
        state: 'succeeded',
      });
      const actions = (await db.audit.list({ limit: 200 })).map(e => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'rollout.start',
          'rollout.completed',
          'backup.start',
          'firmware.start',
        ]),
      );
      expect(
        (await backend.rollouts.list(ADMIN_VIEW)).map(r => [r.id, r.state]),
      ).toEqual([[created.id, 'completed']]);
    });

    it('stops the rollout when the canary fails and leaves the other systems alone', async () => {
      simulator.fleet[0].faults.updateFails = true;
      const created = await backend.rollouts.create(request(), ADMIN_VIEW);
      const done = await runUntil(created.id, r => r.finishedAt !== null);
      expect(done.state).toBe('stopped');
      expect(done.message).toMatch(/1 system\(s\) failed in wave 1/);
      expect(done.systems.map(s => s.step)).toEqual([
        'failed',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      expect(done.systems[0].message).toMatch(/update failed.*signature/);
      for (const id of systemIds.slice(1))
        expect(await backend.jobs.list(id)).toEqual([]);
      expect(
        (await db.audit.list({ limit: 100 })).map(e => e.action),
      ).toContain('rollout.stopped');
    });

    it('counts a failed backup as a failure, skips that update and stops the wave at the limit', async () => {
      // No canary: the first wave holds systems 1 and 2; system 2's backup fails, which stops the wave.
      simulator.fleet[1].faults.backupFails = true;
      const created = await backend.rollouts.create(
        request({ canarySize: 0, batchSize: 2, maxFailuresPerWave: 1 }),
        ADMIN_VIEW,
      );
      const done = await runUntil(created.id, r => r.finishedAt !== null);
      expect(done.state).toBe('stopped');
      // The failing backup ends first (12 s against 20 s): system 1's backup finishes, but its update never starts.
      expect(done.systems.map(s => s.step)).toEqual([
        'cancelled',
        'failed',
        'cancelled',
        'cancelled',
      ]);
      expect(done.systems[1].message).toMatch(
        /backup failed.*update was skipped/,
      );
      expect(done.systems[0].message).toMatch(
        /stopped before this system was updated/,
      );
      expect((await jobsOf(systemIds[0], 'backup')).map(j => j.state)).toEqual([
        'succeeded',
      ]);
      for (const id of systemIds.slice(0, 2))
        expect(await jobsOf(id, 'firmware')).toEqual([]);
      expect(
        (await backend.systems.refresh(systemIds[1])).device?.firmwareVersion,
      ).toBe('2.6.0');
      // The next wave never starts.
      for (const id of systemIds.slice(2))
        expect(await backend.jobs.list(id)).toEqual([]);
    });

    it('pauses, resumes and aborts mid-wave: running updates finish, nothing new starts', async () => {
      const created = await backend.rollouts.create(
        request({ canarySize: 2, batchSize: 2 }),
        ADMIN_VIEW,
      );
      await backend.rollouts.pause(created.id, ADMIN_VIEW);
      await expect(
        backend.rollouts.pause(created.id, ADMIN_VIEW),
      ).rejects.toThrow(ConflictError);
      for (let i = 0; i < 3; i++) {
        await round();
        tick(10);
      }
      for (const id of systemIds)
        expect(await backend.jobs.list(id)).toEqual([]);
      await backend.rollouts.resume(created.id, ADMIN_VIEW);

      // The first wave (two systems side by side) gets to its updates.
      const updating = await runUntil(
        created.id,
        r => stepOf(r, systemIds[0]) === 'updating',
      );
      expect(stepOf(updating, systemIds[1])).toMatch(
        /backing_up|backed_up|update_starting|updating/,
      );
      const aborted = await backend.rollouts.abort(created.id, ADMIN_VIEW);
      expect(aborted.state).toBe('aborted');
      expect(aborted.message).toMatch(/Aborted by user:default\/anna/);
      expect(aborted.systems.slice(2).map(s => s.step)).toEqual([
        'cancelled',
        'cancelled',
      ]);
      await expect(
        backend.rollouts.resume(created.id, ADMIN_VIEW),
      ).rejects.toThrow(/is aborted; only a paused rollout can be resumed/);

      const done = await runUntil(created.id, r => r.finishedAt !== null);
      expect(done.state).toBe('aborted');
      // The update that was running on the device finished; the wave's second one finished its update or was cancelled before it.
      expect(stepOf(done, systemIds[0])).toBe('succeeded');
      expect(['succeeded', 'cancelled']).toContain(stepOf(done, systemIds[1]));
      for (const id of systemIds.slice(2))
        expect(await backend.jobs.list(id)).toEqual([]);
      const actions = (await db.audit.list({ limit: 100 })).map(e => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'rollout.pause',
          'rollout.resume',
          'rollout.abort',
        ]),
      );
    });

    it('cancels a system that finishes its backup after the abort instead of updating it', async () => {
      const created = await backend.rollouts.create(
        request({ canarySize: 0, batchSize: 4 }),
        ADMIN_VIEW,
      );
      await round();
      const started = await backend.rollouts.get(created.id, ADMIN_VIEW);
      expect(started.systems.map(s => s.step)).toEqual([
        'backing_up',
        'backing_up',
        'backing_up',
        'backing_up',
      ]);
      await backend.rollouts.abort(created.id, ADMIN_VIEW);
      const done = await runUntil(created.id, r => r.finishedAt !== null);
      expect(done.systems.map(s => s.step)).toEqual([
        'cancelled',
        'cancelled',
        'cancelled',
        'cancelled',
      ]);
      for (const id of systemIds) {
        expect((await jobsOf(id, 'backup')).map(j => j.state)).toEqual([
          'succeeded',
        ]);
        expect(await jobsOf(id, 'firmware')).toEqual([]);
      }
    });

    it('starts updates only inside the window (clock injected), waiting over the weekend', async () => {
      // Weekdays 22–23 Berlin time (21–22 UTC in winter); created on Friday morning.
      const window = {
        days: [1, 2, 3, 4, 5],
        fromHour: 22,
        toHour: 23,
        timeZone: 'Europe/Berlin',
        startAt: null,
        endAt: null,
      };
      const created = await backend.rollouts.create(
        request({ canarySize: 1, batchSize: 1, window }),
        ADMIN_VIEW,
      );
      expect(created).toMatchObject({
        windowOpen: false,
        nextWindowAt: '2026-11-20T21:00:00.000Z',
      });
      await round();
      clock = new Date('2026-11-20T20:59:59.000Z');
      await round();
      for (const id of systemIds)
        expect(await backend.jobs.list(id)).toEqual([]);

      // Ten minutes before the window closes: at most a few waves fit in.
      clock = new Date('2026-11-20T21:50:00.000Z');
      const waits: string[] = [];
      for (let i = 0; i < 400; i++) {
        await round();
        const r = await backend.rollouts.get(created.id, ADMIN_VIEW);
        if (r.finishedAt) break;
        if (r.counts.running === 0 && !r.windowOpen && r.nextWindowAt) {
          // Nothing runs and the window is shut: go to its next opening, as time would.
          waits.push(r.nextWindowAt);
          clock = new Date(r.nextWindowAt);
        } else {
          tick(10);
        }
      }
      const done = await backend.rollouts.get(created.id, ADMIN_VIEW);
      expect(done).toMatchObject({
        state: 'completed',
        counts: { succeeded: FLEET },
      });
      // The window closed on Friday and opened again on Monday at 22:00 Berlin time.
      expect(waits).toContain('2026-11-23T21:00:00.000Z');
      for (const id of systemIds) {
        for (const job of await backend.jobs.list(id)) {
          expect({
            job: job.kind,
            startedAt: job.startedAt,
            inWindow: isWindowOpen(window, new Date(job.startedAt)),
          }).toMatchObject({
            inWindow: true,
          });
        }
      }
    });

    it('resumes after a restart without repeating a system, even with an old process still running', async () => {
      const created = await backend.rollouts.create(request(), ADMIN_VIEW);
      await runUntil(
        created.id,
        r =>
          r.currentWave === 1 &&
          r.systems.slice(1, 3).every(s => s.step === 'backing_up'),
      );

      // A new process over the same database; the old one keeps running too for a while (two replicas).
      const old = backend;
      backend = startBackend();
      for (let i = 0; i < 400; i++) {
        await Promise.all([round(old), round(backend)]);
        const r = await backend.rollouts.get(created.id, ADMIN_VIEW);
        if (r.finishedAt) break;
        tick(10);
      }
      const done = await backend.rollouts.get(created.id, ADMIN_VIEW);
      expect(done).toMatchObject({
        state: 'completed',
        counts: { succeeded: FLEET },
      });
      for (const [index, id] of systemIds.entries()) {
        expect((await jobsOf(id, 'backup')).length).toBe(1);
        expect((await jobsOf(id, 'firmware')).length).toBe(1);
        // The device itself saw exactly one update since the test began.
        const updates = simulator.fleet[index].firmware.updates.filter(
          u => u.startMs >= Date.parse('2026-11-20T10:00:00Z'),
        );
        expect(updates).toHaveLength(1);
      }
    });

    it('never repeats an update whose start was interrupted, but repeats an interrupted backup', async () => {
      const created = await backend.rollouts.create(
        request({ canarySize: 0, batchSize: 2, maxFailuresPerWave: 2 }),
        ADMIN_VIEW,
      );
      // A backend recorded both starts and died before asking the devices.
      const at = clock.toISOString();
      await db.rollouts.updateSystem(
        created.id,
        systemIds[0],
        { step: 'update_starting', stepAt: at },
        { step: ['pending'] },
      );
      await db.rollouts.updateSystem(
        created.id,
        systemIds[1],
        { step: 'backup_starting', stepAt: at },
        { step: ['pending'] },
      );
      backend = startBackend();
      await round();
      // Within the grace period nothing is touched: the first backend may still be talking to the devices.
      const early = await backend.rollouts.get(created.id, ADMIN_VIEW);
      expect(early.systems.slice(0, 2).map(s => s.step)).toEqual([
        'update_starting',
        'backup_starting',
      ]);
      tick(6 * 60);
      const done = await runUntil(created.id, r => r.currentWave === 1);
      expect(done.systems[0]).toMatchObject({
        step: 'failed',
        message: expect.stringMatching(/not started again/),
      });
      expect(done.systems[1]).toMatchObject({ step: 'succeeded' });
      expect(await jobsOf(systemIds[0], 'firmware')).toEqual([]);
      expect(simulator.fleet[0].firmwareVersion).toBe('2.6.0');
      expect((await jobsOf(systemIds[1], 'backup')).length).toBe(1);
    });

    it('refuses bad input with a clear 4xx and changes nothing', async () => {
      const refuse = async (
        promise: Promise<unknown>,
        type: Function,
        message: RegExp,
      ) => {
        const error = await promise.then(
          () => undefined,
          e => e,
        );
        expect(error).toBeInstanceOf(type);
        expect(error.message).toMatch(message);
      };
      const create = (
        patch: Partial<CreateRolloutRequest>,
        viewer = ADMIN_VIEW,
      ) => backend.rollouts.create(request(patch), viewer);
      await refuse(
        create({ selection: { kind: 'systems', systemIds: [] } }),
        InputError,
        /Choose at least one system/,
      );
      await refuse(
        create({
          selection: { kind: 'filter', filter: { text: 'no such pbx' } },
        }),
        InputError,
        /No system you may update matches/,
      );
      await refuse(
        create({ batchSize: 0 }),
        InputError,
        /batchSize is at least 1/,
      );
      const past = {
        days: [1],
        fromHour: 22,
        toHour: 23,
        timeZone: 'Europe/Berlin',
        startAt: null,
        endAt: '2026-11-19T00:00:00Z',
      };
      await refuse(create({ window: past }), InputError, /ends in the past/);
      // Weekdays only, but it must end on Sunday.
      const never = {
        ...past,
        days: [1, 2, 3, 4, 5],
        fromHour: 22,
        toHour: 23,
        endAt: '2026-11-22T00:00:00Z',
      };
      await refuse(
        create({ window: { ...never, startAt: '2026-11-21T00:00:00Z' } }),
        InputError,
        /never opens/,
      );
      await refuse(
        create({ window: { ...past, endAt: null, timeZone: 'Mars/Olympus' } }),
        InputError,
        /time zone such as Europe\/Berlin/,
      );
      await refuse(
        create({
          selection: {
            kind: 'systems',
            systemIds: ['00000000-0000-4000-8000-000000000000'],
          },
        }),
        NotFoundError,
        /No system with id/,
      );
      // Someone who holds no role on the systems (criteria as the permission policy would give them).
      const stranger: RolloutViewer = {
        actorRef: 'user:default/sam',
        readable: {
          key: 'hasRole',
          roles: ['owner', 'administrator'],
          claims: ['user:default/sam'],
        },
        updatable: {
          key: 'hasRole',
          roles: ['owner', 'administrator'],
          claims: ['user:default/sam'],
        },
      };
      await refuse(
        create({}, stranger),
        NotAllowedError,
        /not allowed to update the firmware on PBX 1, PBX 2, PBX 3, PBX 4/,
      );
      // A system without maintenance cannot be managed through the CCC.
      simulator.fleet[3].maintenance = {
        active: false,
        validUntil: '2026-01-01T00:00:00.000Z',
      };
      await backend.systems.refresh(systemIds[3]);
      await refuse(create({}), CccHttpError, /PBX 4 has no active maintenance/);
      expect(await backend.rollouts.list(ADMIN_VIEW)).toEqual([]);

      const created = await create({
        selection: { kind: 'systems', systemIds: systemIds.slice(0, 2) },
      });
      await refuse(
        create({
          selection: { kind: 'systems', systemIds: systemIds.slice(1, 3) },
        }),
        ConflictError,
        /PBX 2 is already in a rollout/,
      );
      // Strangers learn nothing of the rollout and may not steer it.
      await refuse(
        backend.rollouts.get(created.id, stranger),
        NotFoundError,
        /No rollout/,
      );
      await refuse(
        backend.rollouts.abort(created.id, stranger),
        NotFoundError,
        /No rollout/,
      );
      expect(await backend.rollouts.list(stranger)).toEqual([]);
    });
  },
);
