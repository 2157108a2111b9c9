import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { CSSProperties, ReactNode } from 'react';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { SystemEntityLink } from '../Health/SystemEntityLink';

/** Name and serial number of a system, for the system column of the fleet views. */
export interface SystemLabel {
  name: string;
  serialNumber: string;
}

/** One column of a {@link FleetAwareTable}; the first one heads its row. */
export interface FleetAwareColumn<T> {
  title: string;
  cell(row: T): ReactNode;
  /** Style of the cells, e.g. a monospace font for addresses. */
  style?: CSSProperties;
}

/**
 * A table of things read from the devices (phones, provider accounts). On a system's tab it shows the given
 * columns; with `systems` (the fleet views) it adds the system in front and the time each row was read at the end.
 */
export function FleetAwareTable<T extends { systemId: string; id: string | number; readAt: string }>({
  title,
  rows,
  columns,
  emptyText,
  systems,
}: {
  /** The table's accessible name. */
  title: string;
  rows: T[];
  columns: FleetAwareColumn<T>[];
  emptyText: string;
  systems?: ReadonlyMap<string, SystemLabel>;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const [first, ...rest] = columns;
  return (
    <Table size="small" aria-label={title}>
      <TableHead>
        <TableRow>
          {systems && <TableCell>{t('registration.columns.system')}</TableCell>}
          {columns.map(column => (
            <TableCell key={column.title}>{column.title}</TableCell>
          ))}
          {systems && <TableCell>{t('registration.columns.readAt')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => {
          const system = systems?.get(row.systemId);
          return (
            <TableRow key={`${row.systemId}/${row.id}`}>
              {systems && (
                <TableCell>
                  {system ? <SystemEntityLink name={system.name} serialNumber={system.serialNumber} /> : row.systemId}
                </TableCell>
              )}
              {/* MUI v4 gives a body cell with `component` the role "cell"; this one heads its row. */}
              <TableCell component="th" scope="row" role="rowheader" style={first.style}>
                {first.cell(row)}
              </TableCell>
              {rest.map(column => (
                <TableCell key={column.title} style={column.style}>
                  {column.cell(row)}
                </TableCell>
              ))}
              {systems && <TableCell>{format.dateTime(row.readAt) ?? t('common.none')}</TableCell>}
            </TableRow>
          );
        })}
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns.length + (systems ? 2 : 0)}>
              <Typography variant="body2" color="textSecondary">
                {emptyText}
              </Typography>
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
