import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccUserGroupDetails, GRANTABLE_ROLES, GrantableRole } from '@internal/plugin-ccc-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { useState } from 'react';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { useRoleTexts } from '../common/roles';

/**
 * The members of a group with their roles, one checkbox per role. The
 * group's owner changes roles, adds members (with the default role) and
 * removes them; everyone else reads.
 */
export function GroupMembersSection({
  group,
  editable,
  busy,
  onSetRoles,
  onAdd,
  onRemove,
}: {
  group: CccUserGroupDetails;
  editable: boolean;
  busy: boolean;
  onSetRoles: (memberRef: string, roles: GrantableRole[]) => void;
  onAdd: (memberRef: string) => void;
  onRemove: (memberRef: string) => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const [newMember, setNewMember] = useState<string | null>(null);

  return (
    <Box mb={2}>
      <Typography variant="h6" component="h3">
        {t('groupDetails.members')}
      </Typography>
      {group.members.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {t('groupDetails.noMembers')}
        </Typography>
      ) : (
        <Table size="small" aria-label={t('groupDetails.members')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('groupDetails.member')}</TableCell>
              {GRANTABLE_ROLES.map(role => (
                <TableCell key={role} align="center">
                  {roles.label(role)}
                </TableCell>
              ))}
              {editable && <TableCell padding="checkbox" />}
            </TableRow>
          </TableHead>
          <TableBody>
            {group.members.map(member => (
              <TableRow key={member.memberRef}>
                <TableCell component="th" scope="row" role="rowheader">
                  <EntityName entityRef={member.memberRef} />
                </TableCell>
                {GRANTABLE_ROLES.map(role => {
                  const checked = member.roles.includes(role);
                  // Taking the last role would leave a member without rights; removing says that better.
                  const last = checked && member.roles.length === 1;
                  return (
                    <TableCell key={role} align="center" padding="checkbox">
                      <Checkbox
                        color="primary"
                        checked={checked}
                        disabled={!editable || busy || last}
                        title={last && editable ? t('groupDetails.lastRole') : undefined}
                        onChange={(_event, on) =>
                          onSetRoles(
                            member.memberRef,
                            GRANTABLE_ROLES.filter(r => (r === role ? on : member.roles.includes(r))),
                          )
                        }
                        inputProps={{
                          'aria-label': t('groupDetails.role', { role: roles.label(role), member: member.memberRef }),
                        }}
                      />
                    </TableCell>
                  );
                })}
                {editable && (
                  <TableCell padding="checkbox">
                    <IconButton
                      size="small"
                      aria-label={t('groupDetails.removeMember', { member: member.memberRef })}
                      title={t('groupDetails.removeMember', { member: member.memberRef })}
                      disabled={busy}
                      onClick={() => onRemove(member.memberRef)}
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
      {editable && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Box flexGrow={1}>
            <EntityRefPicker
              id="ccc-group-new-member"
              kinds={['User']}
              value={newMember}
              onChange={setNewMember}
              exclude={group.members.map(m => m.memberRef)}
              label={t('groupDetails.newMember')}
              helperText={t('groupDetails.newMemberHelp', { role: roles.label(group.defaultRole) })}
              disabled={busy}
            />
          </Box>
          <Button
            variant="outlined"
            color="primary"
            disabled={busy || !newMember}
            onClick={() => {
              if (!newMember) return;
              onAdd(newMember);
              setNewMember(null);
            }}
          >
            {t('groupDetails.addMember')}
          </Button>
        </Box>
      )}
    </Box>
  );
}
