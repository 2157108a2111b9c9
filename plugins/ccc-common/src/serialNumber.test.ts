import { isValidSerialNumber, normalizeSerialNumber } from './serialNumber';

describe('serial numbers', () => {
  it('normalises case and surrounding blanks', () => {
    expect(normalizeSerialNumber('  ctx000123456 ')).toBe('CTX000123456');
  });

  it.each(['CTX000123456', 'AB12345678'])('accepts %s', serial => {
    expect(isValidSerialNumber(serial)).toBe(true);
  });

  it.each(['', 'CTX-0001234', 'ctx000123456', 'A1234', 'CTX0001234567890'])(
    'rejects %p',
    serial => {
      expect(isValidSerialNumber(serial)).toBe(false);
    },
  );
});
