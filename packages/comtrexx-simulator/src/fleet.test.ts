import { createFleet } from './fleet';

describe('createFleet', () => {
  const now = new Date('2026-06-01T10:00:00Z');

  it('is deterministic for a seed', () => {
    expect(createFleet({ seed: 1, size: 5, now })).toEqual(createFleet({ seed: 1, size: 5, now }));
  });

  it('differs between seeds', () => {
    const a = createFleet({ seed: 1, size: 5, now }).map(d => d.serialNumber);
    const b = createFleet({ seed: 2, size: 5, now }).map(d => d.serialNumber);
    expect(a).not.toEqual(b);
  });

  it('contains a device with too old firmware and one with expired maintenance', () => {
    const fleet = createFleet({ seed: 7, size: 4, now });
    expect(fleet[1].firmwareVersion).toBe('2.4.2');
    expect(fleet[2].maintenance.active).toBe(false);
    expect(new Date(fleet[2].maintenance.validUntil!).getTime()).toBeLessThan(now.getTime());
  });

  it('uses unique, well-formed serial numbers and Auerswald MAC addresses', () => {
    const fleet = createFleet({ seed: 3, size: 50, now });
    expect(new Set(fleet.map(d => d.serialNumber)).size).toBe(50);
    for (const device of fleet) {
      expect(device.serialNumber).toMatch(/^CTX\d{9}$/);
      expect(device.macAddress).toMatch(/^00:09:52(:[0-9A-F]{2}){3}$/);
    }
  });

  it('refuses a nonsensical size', () => {
    expect(() => createFleet({ size: 0 })).toThrow(/at least 1/);
  });
});

describe('createFleet CCC defaults', () => {
  const now = new Date('2026-06-01T10:00:00Z');

  it('starts every device unpaired, most with monitoring and some with remote configuration', () => {
    const fleet = createFleet({ seed: 4711, size: 40, now });
    for (const device of fleet) {
      expect(device.ccc).toMatchObject({ state: 'none', apiUser: null, confirmedAt: null });
    }
    const monitoring = fleet.filter(d => d.ccc.monitoringEnabled).length;
    const remote = fleet.filter(d => d.ccc.remoteConfigEnabled).length;
    expect(monitoring).toBeGreaterThan(fleet.length / 2);
    expect(monitoring).toBeLessThan(fleet.length);
    expect(remote).toBeGreaterThan(0);
    expect(remote).toBeLessThan(fleet.length);
  });

  it('always has a device allowing everything (0) and one refusing monitoring (3)', () => {
    for (const seed of [1, 2, 3]) {
      const fleet = createFleet({ seed, size: 4, now });
      expect(fleet[0].ccc).toMatchObject({ monitoringEnabled: true, remoteConfigEnabled: true });
      expect(fleet[3].ccc.monitoringEnabled).toBe(false);
    }
  });

  it('did not change the serial numbers existing seeds produce', () => {
    // Recorded before the CCC flags existed; scripts and docs may rely on them.
    expect(createFleet({ seed: 4711, size: 3, now }).map(d => d.serialNumber)).toEqual([
      'CTX363019513',
      'CTX834372029',
      'CTX528360321',
    ]);
  });
});
