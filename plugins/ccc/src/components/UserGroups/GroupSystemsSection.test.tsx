import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeGroupDetails, makeSystem } from '../../__testUtils__/fakes';
import { GroupSystemsSection } from './GroupSystemsSection';

describe('GroupSystemsSection', () => {
  it('offers a large fleet through a search that lists the first 100 matches, and adds the one chosen', async () => {
    const user = userEvent.setup();
    const fleet = Array.from({ length: 150 }, (_, i) =>
      makeSystem({ id: `sys-${i}`, name: `PBX ${String(i).padStart(3, '0')}`, serialNumber: `CTX0000${1000 + i}` }),
    );
    const onAdd = jest.fn();
    await renderInTestApp(
      <GroupSystemsSection
        group={makeGroupDetails({ systems: [{ systemId: 'sys-0', name: 'PBX 000', serialNumber: 'CTX00001000' }] })}
        editable
        busy={false}
        available={fleet}
        onAdd={onAdd}
        onRemove={jest.fn()}
      />,
    );

    const input = screen.getByRole('textbox', { name: /System/ });
    await user.click(input);
    expect(await screen.findAllByRole('option')).toHaveLength(100);
    // Assigned systems are not offered again.
    expect(screen.queryByRole('option', { name: /^PBX 000 / })).not.toBeInTheDocument();

    await user.type(input, 'pbx 14');
    expect(screen.getAllByRole('option').map(o => o.textContent)).toEqual(
      Array.from({ length: 10 }, (_, i) => `PBX 14${i} (CTX0000${1140 + i})`),
    );
    await user.click(screen.getByRole('option', { name: /^PBX 147 / }));
    await user.click(screen.getByRole('button', { name: 'Add system' }));
    expect(onAdd).toHaveBeenCalledWith('sys-147');

    await user.type(screen.getByRole('textbox', { name: /System/ }), 'Vienna');
    expect(await screen.findByText('No system matches')).toBeInTheDocument();
  });
});
