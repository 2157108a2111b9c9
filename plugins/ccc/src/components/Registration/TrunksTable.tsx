import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccTrunk } from '@internal/plugin-ccc-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import LockIcon from '@material-ui/icons/Lock';
import LockOpenIcon from '@material-ui/icons/LockOpen';
import { cccTranslationRef } from '../../translation';
import { useDateFormat } from '../common/useDateFormat';
import { SystemEntityLink } from '../Health/SystemEntityLink';
import { SystemLabel } from './PhonesTable';
import { StateLabel } from './StateLabel';
import { useRegistrationTexts } from './useRegistrationTexts';

/**
 * Provider accounts with account name, provider, STUN state, registration
 * state and whether the registration is encrypted (manual: "Provider und
 * Accounts"). With `systems` it adds a system column and the read time, for
 * the fleet view.
 */
export function TrunksTable({
  trunks,
  emptyText,
  systems,
}: {
  trunks: CccTrunk[];
  emptyText: string;
  systems?: ReadonlyMap<string, SystemLabel>;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useRegistrationTexts();
  const format = useDateFormat();
  const columns = systems ? 7 : 5;
  return (
    <Table size="small" aria-label={t('registration.trunksTitle')}>
      <TableHead>
        <TableRow>
          {systems && <TableCell>{t('registration.columns.system')}</TableCell>}
          <TableCell>{t('registration.columns.accountName')}</TableCell>
          <TableCell>{t('registration.columns.providerName')}</TableCell>
          <TableCell>{t('registration.columns.stunState')}</TableCell>
          <TableCell>{t('registration.columns.registrationState')}</TableCell>
          <TableCell>{t('registration.columns.encryption')}</TableCell>
          {systems && <TableCell>{t('registration.columns.readAt')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {trunks.map(trunk => {
          const system = systems?.get(trunk.systemId);
          const encrypted = texts.encrypted(trunk.registrationState);
          return (
            <TableRow key={`${trunk.systemId}/${trunk.id}`}>
              {systems && (
                <TableCell>
                  {system ? <SystemEntityLink name={system.name} serialNumber={system.serialNumber} /> : trunk.systemId}
                </TableCell>
              )}
              <TableCell component="th" scope="row" role="rowheader">
                {trunk.accountName}
              </TableCell>
              <TableCell>{trunk.providerName}</TableCell>
              <TableCell>
                <StateLabel {...texts.stun(trunk.stunState)} />
              </TableCell>
              <TableCell>
                <StateLabel {...texts.registration(trunk.registrationState)} />
              </TableCell>
              <TableCell>
                {encrypted === null && t('common.none')}
                {encrypted === true && <StateLabel icon={LockIcon} tone="ok" text={t('registration.encrypted')} />}
                {encrypted === false && (
                  <StateLabel icon={LockOpenIcon} tone="warning" text={t('registration.unencrypted')} />
                )}
              </TableCell>
              {systems && <TableCell>{format.dateTime(trunk.readAt) ?? t('common.none')}</TableCell>}
            </TableRow>
          );
        })}
        {trunks.length === 0 && (
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
