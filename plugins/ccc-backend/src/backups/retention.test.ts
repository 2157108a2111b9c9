import { CccBackup } from '@internal/plugin-ccc-common';
import { backupsToPrune } from './retention';

const now = new Date('2026-11-27T12:00:00.000Z');
const daysAgo = (days: number, id = `b${days}`): CccBackup => ({
  id,
  createdAt: new Date(now.getTime() - days * 86_400_000).toISOString(),
  firmwareVersion: '2.6.0',
  sizeBytes: 1000,
  trigger: 'scheduled',
});
const ids = (backups: CccBackup[]) => backups.map(b => b.id).sort();

describe('backupsToPrune', () => {
  const backups = [daysAgo(10), daysAgo(1), daysAgo(40), daysAgo(3), daysAgo(20)];

  it('keeps everything without a rule', () => {
    expect(backupsToPrune(backups, { keepLast: null, keepDays: null }, now)).toEqual([]);
  });

  it('keeps the newest N', () => {
    expect(ids(backupsToPrune(backups, { keepLast: 2, keepDays: null }, now))).toEqual(['b10', 'b20', 'b40']);
  });

  it('keeps those younger than N days', () => {
    expect(ids(backupsToPrune(backups, { keepLast: null, keepDays: 15 }, now))).toEqual(['b20', 'b40']);
  });

  it('keeps what either rule keeps', () => {
    expect(ids(backupsToPrune(backups, { keepLast: 4, keepDays: 2 }, now))).toEqual(['b40']);
  });

  it('never lets go of the newest backup, however old', () => {
    const old = [daysAgo(100), daysAgo(200)];
    expect(ids(backupsToPrune(old, { keepLast: null, keepDays: 7 }, now))).toEqual(['b200']);
    expect(backupsToPrune([daysAgo(300)], { keepLast: 1, keepDays: 1 }, now)).toEqual([]);
  });
});
