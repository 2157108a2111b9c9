import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccPhone } from '@internal/plugin-ccc-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { SystemEntityLink } from '../Health/SystemEntityLink';
import { StateLabel } from './StateLabel';
import { useRegistrationTexts } from './useRegistrationTexts';

/** Name and serial number of a system, for the system column of the fleet views. */
export interface SystemLabel {
  name: string;
  serialNumber: string;
}

/**
 * Phones with name, MAC address, model and status (manual: "Telefon
 * Status"). With `systems` it adds a system column and the time each row
 * was read, for the fleet view.
 */
export function PhonesTable({
  phones,
  emptyText,
  systems,
}: {
  phones: CccPhone[];
  emptyText: string;
  systems?: ReadonlyMap<string, SystemLabel>;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  const format = useDateFormat();
  const columns = systems ? 6 : 4;
  return (
    <Table size="small" aria-label={t('registration.phonesTitle')}>
      <TableHead>
        <TableRow>
          {systems && <TableCell>{t('registration.columns.system')}</TableCell>}
          <TableCell>{t('registration.columns.name')}</TableCell>
          <TableCell>{t('registration.columns.macAddress')}</TableCell>
          <TableCell>{t('registration.columns.model')}</TableCell>
          <TableCell>{t('registration.columns.status')}</TableCell>
          {systems && <TableCell>{t('registration.columns.readAt')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {phones.map(phone => {
          const system = systems?.get(phone.systemId);
          return (
            <TableRow key={`${phone.systemId}/${phone.id}`}>
              {systems && (
                <TableCell>
                  {system ? <SystemEntityLink name={system.name} serialNumber={system.serialNumber} /> : phone.systemId}
                </TableCell>
              )}
              {/* MUI v4 gives a body cell with `component` the role "cell"; this one heads its row. */}
              <TableCell component="th" scope="row" role="rowheader">
                {phone.name}
              </TableCell>
              <TableCell style={{ fontFamily: 'monospace' }}>{phone.macAddress ?? t('common.none')}</TableCell>
              <TableCell>{[phone.manufacturer, phone.model].filter(Boolean).join(' ')}</TableCell>
              <TableCell>
                <StateLabel {...texts.phone(phone.status)} />
              </TableCell>
              {systems && <TableCell>{format.dateTime(phone.readAt) ?? t('common.none')}</TableCell>}
            </TableRow>
          );
        })}
        {phones.length === 0 && (
          <TableRow>
            <TableCell colSpan={columns}>
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
