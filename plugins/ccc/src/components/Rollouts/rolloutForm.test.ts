import {
  emptyRolloutForm,
  isRolloutFormComplete,
  toRolloutRequest,
} from './rolloutForm';

describe('rollout form', () => {
  it('turns a filter selection into a request, leaving out empty filter fields', () => {
    const form = {
      ...emptyRolloutForm('Europe/Berlin'),
      name: ' Winter ',
      filterFirmwareBelow: '2.6.2',
    };
    expect(toRolloutRequest(form)).toEqual({
      name: 'Winter',
      selection: { kind: 'filter', filter: { firmwareBelow: '2.6.2' } },
      canarySize: 1,
      batchSize: 5,
      maxFailuresPerWave: 1,
      window: null,
    });
  });

  it('sends the window with the end as an instant, and a group or picked systems', () => {
    const form = {
      ...emptyRolloutForm('Europe/Berlin'),
      name: 'Night',
      selectionKind: 'group' as const,
      groupId: 'grp-1',
      useWindow: true,
      days: [6, 7],
      fromHour: '22',
      toHour: '4',
      endAt: '2026-12-01T06:00',
    };
    const request = toRolloutRequest(form);
    expect(request.selection).toEqual({ kind: 'group', groupId: 'grp-1' });
    expect(request.window).toEqual({
      days: [6, 7],
      fromHour: 22,
      toHour: 4,
      timeZone: 'Europe/Berlin',
      startAt: null,
      endAt: new Date('2026-12-01T06:00').toISOString(),
    });
    expect(
      toRolloutRequest({
        ...form,
        selectionKind: 'systems',
        systemIds: ['a', 'b'],
      }).selection,
    ).toEqual({
      kind: 'systems',
      systemIds: ['a', 'b'],
    });
  });

  it('passes an empty number on as NaN for the backend to name, and knows when the form is complete', () => {
    const form = { ...emptyRolloutForm('UTC'), name: 'x', batchSize: '' };
    expect(toRolloutRequest(form).batchSize).toBeNaN();
    expect(isRolloutFormComplete(form)).toBe(true);
    expect(isRolloutFormComplete({ ...form, name: ' ' })).toBe(false);
    expect(isRolloutFormComplete({ ...form, selectionKind: 'group' })).toBe(
      false,
    );
    expect(isRolloutFormComplete({ ...form, selectionKind: 'systems' })).toBe(
      false,
    );
    expect(
      isRolloutFormComplete({
        ...form,
        selectionKind: 'systems',
        systemIds: ['a'],
      }),
    ).toBe(true);
  });
});
