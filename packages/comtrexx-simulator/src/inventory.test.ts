import { createFleet } from './fleet';
import {
  PHONE_STATUSES,
  PHONE_TYPES,
  PhoneStatus,
  TRUNK_PROVIDERS,
  TRUNK_REGISTRATION_STATES,
  TRUNK_STUN_STATES,
  TrunkStatus,
} from './inventory';

const NOW = new Date('2026-06-01T10:00:00Z');

describe('generated phones and trunks', () => {
  // A large fleet, so that every model and every value occur.
  const fleet = createFleet({ seed: 4711, size: 60, now: NOW });

  const phones = () => fleet.flatMap(d => d.phones);
  const trunks = () => fleet.flatMap(d => d.trunks);

  it('gives each device 5-60 phones and 1-4 trunks, more for the bigger models', () => {
    for (const device of fleet) {
      expect(device.phones.length).toBeGreaterThanOrEqual(5);
      expect(device.phones.length).toBeLessThanOrEqual(60);
      expect(device.trunks.length).toBeGreaterThanOrEqual(1);
      expect(device.trunks.length).toBeLessThanOrEqual(4);
    }
    const average = (model: string) => {
      const of = fleet.filter(d => d.model === model);
      return of.reduce((sum, d) => sum + d.phones.length, 0) / of.length;
    };
    expect(average('COMtrexx Business')).toBeGreaterThan(average('COMtrexx VM'));
  });

  it('uses only the allowed values', () => {
    for (const phone of phones()) {
      expect(PHONE_TYPES).toContain(phone.type);
      expect(PHONE_STATUSES).toContain(phone.status);
      expect(Object.keys(phone).sort()).toEqual(
        ['id', 'name', 'macAddress', 'type', 'manufacturer', 'model', 'firmwareVersion', 'userNumber', 'status'].sort(),
      );
    }
    for (const trunk of trunks()) {
      expect(TRUNK_PROVIDERS).toContain(trunk.providerName);
      expect(TRUNK_STUN_STATES).toContain(trunk.stunState);
      expect(TRUNK_REGISTRATION_STATES).toContain(trunk.registrationState);
      expect(Date.parse(trunk.lastChange)).toBeLessThanOrEqual(NOW.getTime());
      expect(trunk.accountName).toEqual(expect.any(String));
    }
    // Every value shows up somewhere, so a client meets all of them in a demo.
    expect(new Set(phones().map(p => p.status))).toEqual(new Set(PHONE_STATUSES));
    expect(new Set(trunks().map(t => t.stunState))).toEqual(new Set(TRUNK_STUN_STATES));
    expect(new Set(trunks().map(t => t.registrationState))).toEqual(new Set(TRUNK_REGISTRATION_STATES));
  });

  it('keeps phones consistent with their type', () => {
    const byType = (type: PhoneStatus['type']) => phones().filter(p => p.type === type);
    for (const phone of byType('analog')) {
      expect(phone).toMatchObject({ status: 'analog_connected', macAddress: null });
    }
    for (const phone of phones().filter(p => p.type !== 'analog')) {
      expect(phone.status).not.toBe('analog_connected');
      expect(phone.macAddress).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){5}$/);
    }
    for (const phone of phones().filter(p => p.manufacturer === 'Auerswald')) {
      expect(phone.macAddress).toMatch(/^00:09:52:/);
    }
    const ip = byType('ip');
    const registered = ip.filter(p => p.status === 'registered_encrypted' || p.status === 'registered_unencrypted');
    expect(registered.length / ip.length).toBeGreaterThan(0.6);
  });

  it('numbers rows from 1 and keeps MAC addresses and account names unique per device', () => {
    for (const device of fleet) {
      expect(device.phones.map(p => p.id)).toEqual(device.phones.map((_, i) => i + 1));
      expect(device.trunks.map((t: TrunkStatus) => t.id)).toEqual(device.trunks.map((_, i) => i + 1));
      const macs = device.phones.map(p => p.macAddress).filter(m => m !== null);
      expect(new Set(macs).size).toBe(macs.length);
      expect(new Set(device.trunks.map(t => t.accountName)).size).toBe(device.trunks.length);
    }
  });

  it('is the same for a device whatever the fleet size, and differs between devices', () => {
    const small = createFleet({ seed: 4711, size: 2, now: NOW });
    expect(small[0].phones).toEqual(fleet[0].phones);
    expect(small[1].trunks).toEqual(fleet[1].trunks);
    expect(fleet[0].phones).not.toEqual(fleet[1].phones);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const again = createFleet({ seed: 4711, size: 60, now: NOW });
    expect(again.map(d => [d.phones, d.trunks])).toEqual(fleet.map(d => [d.phones, d.trunks]));
    const other = createFleet({ seed: 4712, size: 1, now: NOW });
    expect(other[0].phones).not.toEqual(fleet[0].phones);
  });
});
