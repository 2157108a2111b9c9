import TableCell from '@material-ui/core/TableCell';
import TableSortLabel from '@material-ui/core/TableSortLabel';

/**
 * A column heading that sorts its table: it shows the direction while its column is the sort column, and asks for
 * its column on a click (the table decides the direction). `firstDirection` is the arrow shown before it is chosen.
 */
export function SortableHeaderCell<K extends string>({
  column,
  label,
  sortKey,
  direction,
  onSort,
  align,
  firstDirection = 'asc',
}: {
  column: K;
  label: string;
  /** The column the table is sorted by. */
  sortKey: K;
  direction: 'asc' | 'desc';
  onSort(column: K): void;
  align?: 'right';
  firstDirection?: 'asc' | 'desc';
}) {
  const active = sortKey === column;
  return (
    <TableCell sortDirection={active ? direction : false} align={align}>
      <TableSortLabel active={active} direction={active ? direction : firstDirection} onClick={() => onSort(column)}>
        {label}
      </TableSortLabel>
    </TableCell>
  );
}
