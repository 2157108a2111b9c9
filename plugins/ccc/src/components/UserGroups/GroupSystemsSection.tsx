import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccSystem, CccUserGroupDetails } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Autocomplete, { createFilterOptions } from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import { cccTranslationRef } from '../../translation';

const filterSystems = createFilterOptions<CccSystem>({ limit: 100 });

/**
 * The systems of a group. The group's owner adds systems from those they
 * see (the backend also wants grant rights on the system) and removes them.
 */
export function GroupSystemsSection({
  group,
  editable,
  busy,
  available,
  onAdd,
  onRemove,
}: {
  group: CccUserGroupDetails;
  editable: boolean;
  busy: boolean;
  /** Systems the user sees; undefined while loading. */
  available?: readonly CccSystem[];
  onAdd: (systemId: string) => void;
  onRemove: (systemId: string) => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const [newSystem, setNewSystem] = useState('');
  const assigned = new Set(group.systems.map(s => s.systemId));
  const candidates = (available ?? []).filter(s => !assigned.has(s.id));

  return (
    <Box>
      <Typography variant="h6" component="h3">
        {t('groupDetails.systems')}
      </Typography>
      {group.systems.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('groupDetails.noSystems')}
        </Typography>
      ) : (
        <Table size="small" aria-label={t('groupDetails.systems')}>
          <TableBody>
            {group.systems.map(system => (
              <TableRow key={system.systemId}>
                <TableCell component="th" scope="row" role="rowheader">
                  {system.name}
                </TableCell>
                <TableCell style={{ fontFamily: 'monospace' }}>{system.serialNumber}</TableCell>
                {editable && (
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      aria-label={t('groupDetails.removeSystem', { name: system.name })}
                      title={t('groupDetails.removeSystem', { name: system.name })}
                      disabled={busy}
                      onClick={() => onRemove(system.systemId)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editable && available && candidates.length === 0 && (
        <Typography variant="body2" color="textSecondary" style={{ marginTop: 8 }}>
          {t('groupDetails.noSystemsLeft')}
        </Typography>
      )}
      {editable && candidates.length > 0 && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Autocomplete<CccSystem>
            id="ccc-group-new-system"
            options={candidates}
            // A fleet has thousands of systems: typing narrows the list, which shows the first matches.
            filterOptions={filterSystems}
            value={candidates.find(system => system.id === newSystem) ?? null}
            onChange={(_event, system) => setNewSystem(system?.id ?? '')}
            getOptionLabel={system => `${system.name} (${system.serialNumber})`}
            getOptionSelected={(option, current) => option.id === current.id}
            noOptionsText={t('groupDetails.noSystemMatches')}
            disabled={busy}
            fullWidth
            renderInput={params => (
              <TextField
                {...params}
                label={t('groupDetails.newSystem')}
                helperText={t('groupDetails.newSystemHelp')}
                margin="normal"
                variant="outlined"
              />
            )}
          />
          <Button
            variant="outlined"
            color="primary"
            disabled={busy || !newSystem}
            onClick={() => {
              onAdd(newSystem);
              setNewSystem('');
            }}
          >
            {t('groupDetails.addSystem')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
