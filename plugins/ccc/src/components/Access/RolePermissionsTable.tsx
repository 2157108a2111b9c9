import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CCC_ROLES, cccSystemPermissions, ROLE_PERMISSIONS } from '@internal/plugin-ccc-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import CheckIcon from '@material-ui/icons/Check';
import RemoveIcon from '@material-ui/icons/Remove';
import { cccTranslationRef } from '../../translation';
import { PERMISSION_LABEL_KEYS } from '../common/permissionLabels';
import { useRoleTexts } from '../common/roles';

/**
 * The role → permission table of ccc-common, read-only: the same table the
 * backend's policy decides by, so what users read here is what applies.
 */
export function RolePermissionsTable() {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  return (
    <Table size="small" aria-label={t('rolePermissions.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('rolePermissions.permission')}</TableCell>
          {CCC_ROLES.map(role => (
            <TableCell key={role} align="center">
              {roles.label(role)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {cccSystemPermissions.map(permission => {
          const key = PERMISSION_LABEL_KEYS[permission.name];
          const label = key ? t(`permission.names.${key}`) : permission.name;
          return (
            <TableRow key={permission.name}>
              <TableCell component="th" scope="row" role="rowheader">
                {label}
              </TableCell>
              {CCC_ROLES.map(role => {
                const allowed = ROLE_PERMISSIONS[role].includes(permission.name);
                const text = `${roles.label(role)}: ${
                  allowed ? t('rolePermissions.allowed') : t('rolePermissions.denied')
                }`;
                return (
                  <TableCell key={role} align="center" aria-label={text} title={text}>
                    {allowed ? (
                      <CheckIcon fontSize="small" color="primary" />
                    ) : (
                      <RemoveIcon fontSize="small" color="disabled" />
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
