import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, cccSystemDeletePermission, cccSystemUpdatePermission } from '@internal/plugin-ccc-common';
import Checkbox from '@material-ui/core/Checkbox';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import EditIcon from '@material-ui/icons/Edit';
import { useEffect } from 'react';
import { cccTranslationRef } from '../../translation';
import { useSystemPermission } from '../common/usePermissionWithReason';
import { useDateFormat } from '../common/useDateFormat';
import { WithReason } from '../common/WithReason';
import { DeviceStateDisplay } from '../DeviceState';
import { MaintenanceWarningIcon } from '../Health';
import { PairingControls } from '../Pairing';
import { RemoteSessionIcon } from '../RemoteConfig';

/**
 * One system of the overview. Its permissions are asked per system (the
 * permission client batches the requests): selecting is for deleting, so a
 * system the user may not delete cannot be selected; `onDeletable` tells the
 * table, whose "select all" must skip it too.
 */
export function SystemRow({
  system,
  selected,
  onToggle,
  onEdit,
  onChanged,
  onDeletable,
}: {
  system: CccSystem;
  selected: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onChanged: () => void;
  onDeletable: (id: string, deletable: boolean) => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const format = useDateFormat();
  const update = useSystemPermission(cccSystemUpdatePermission, system.id);
  const remove = useSystemPermission(cccSystemDeletePermission, system.id);

  useEffect(() => onDeletable(system.id, remove.allowed), [onDeletable, system.id, remove.allowed]);

  return (
    <TableRow hover selected={selected}>
      <TableCell padding="checkbox">
        <WithReason reason={remove.reason}>
          <Checkbox
            checked={selected && remove.allowed}
            disabled={!remove.allowed}
            onChange={onToggle}
            inputProps={{ 'aria-label': t('systems.select', { name: system.name }) }}
          />
        </WithReason>
      </TableCell>
      {/* MUI v4 gives a body cell with `component` the role "cell"; this one heads its row. */}
      <TableCell component="th" scope="row" role="rowheader">
        {system.name}
        <MaintenanceWarningIcon system={system} />
        <RemoteSessionIcon system={system} />
      </TableCell>
      <TableCell style={{ fontFamily: 'monospace' }}>{system.serialNumber}</TableCell>
      <TableCell>{format.date(system.firstRegisteredAt) ?? t('common.none')}</TableCell>
      <TableCell>
        <DeviceStateDisplay system={system} />
        <PairingControls system={system} onChanged={onChanged} />
      </TableCell>
      <TableCell padding="checkbox">
        <WithReason reason={update.reason}>
          <IconButton
            size="small"
            aria-label={t('systems.edit', { name: system.name })}
            title={update.reason ? undefined : t('systems.edit', { name: system.name })}
            disabled={!update.allowed}
            onClick={onEdit}
          >
            <EditIcon fontSize="small" />
          </IconButton>
        </WithReason>
      </TableCell>
    </TableRow>
  );
}
