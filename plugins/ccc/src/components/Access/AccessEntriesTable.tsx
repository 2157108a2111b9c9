import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccAccessEntry,
  CccRole,
  CCC_ROLES,
  GrantableRole,
  isGrantableRole,
  RoleSource,
} from '@internal/plugin-ccc-common';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import EditIcon from '@material-ui/icons/Edit';
import { cccTranslationRef } from '../../translation';
import { EntityName } from '../common/EntityName';
import { useRoleTexts } from '../common/roles';
import { WithReason } from '../common/WithReason';

/** One line of the table: a subject's roles from one source. */
export interface AccessRow {
  key: string;
  subjectRef: string;
  source: RoleSource;
  roles: CccRole[];
}

const SOURCE_ORDER: Record<RoleSource['kind'], number> = { owner: 0, grant: 1, userGroup: 2 };

/** Merges the per-role entries into one row per subject and source: owner, direct grants, user groups. */
export function accessRows(entries: readonly CccAccessEntry[]): AccessRow[] {
  const rows = new Map<string, AccessRow>();
  for (const entry of entries) {
    const sourceKey = entry.source.kind === 'userGroup' ? `userGroup:${entry.source.groupId}` : entry.source.kind;
    const key = `${entry.subjectRef}|${sourceKey}`;
    const row = rows.get(key) ?? { key, subjectRef: entry.subjectRef, source: entry.source, roles: [] };
    if (!row.roles.includes(entry.role)) row.roles.push(entry.role);
    rows.set(key, row);
  }
  return [...rows.values()]
    .map(row => ({ ...row, roles: CCC_ROLES.filter(role => row.roles.includes(role)) }))
    .sort(
      (a, b) =>
        SOURCE_ORDER[a.source.kind] - SOURCE_ORDER[b.source.kind] ||
        (a.source.kind === 'userGroup' && b.source.kind === 'userGroup'
          ? a.source.groupName.localeCompare(b.source.groupName)
          : 0) ||
        a.subjectRef.localeCompare(b.subjectRef),
    );
}

/**
 * Who holds which role on a system and through what: ownership, a direct
 * grant (to a user or to a whole catalog group) or a CCC user group. Direct
 * grants can be changed and revoked here; `manageReason` disables that and
 * says why.
 */
export function AccessEntriesTable({
  entries,
  manageReason,
  onEdit,
  onRevoke,
}: {
  entries: readonly CccAccessEntry[];
  manageReason?: string;
  onEdit: (grant: { subjectRef: string; roles: GrantableRole[] }) => void;
  onRevoke: (subjectRef: string) => void;
}) {
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const rows = accessRows(entries);

  const sourceText = (row: AccessRow) => {
    switch (row.source.kind) {
      case 'owner':
        return t('access.source.owner');
      case 'userGroup':
        return t('access.source.userGroup', { name: row.source.groupName });
      default:
        return row.subjectRef.startsWith('group:')
          ? t('access.source.catalogGroupGrant')
          : t('access.source.userGrant');
    }
  };

  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {t('access.empty')}
      </Typography>
    );
  }

  return (
    <Table size="small" aria-label={t('access.title')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('access.columns.subject')}</TableCell>
          <TableCell>{t('access.columns.roles')}</TableCell>
          <TableCell>{t('access.columns.source')}</TableCell>
          <TableCell aria-label={t('access.columns.actions')} />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            <TableCell component="th" scope="row" role="rowheader">
              <EntityName entityRef={row.subjectRef} />
            </TableCell>
            <TableCell>{roles.list(row.roles)}</TableCell>
            <TableCell>{sourceText(row)}</TableCell>
            <TableCell padding="checkbox" style={{ whiteSpace: 'nowrap' }}>
              {row.source.kind === 'grant' && (
                <>
                  <WithReason reason={manageReason}>
                    <IconButton
                      size="small"
                      aria-label={t('access.editRoles', { subject: row.subjectRef })}
                      title={manageReason ? undefined : t('access.editRoles', { subject: row.subjectRef })}
                      disabled={!!manageReason}
                      onClick={() => onEdit({ subjectRef: row.subjectRef, roles: row.roles.filter(isGrantableRole) })}
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </WithReason>
                  <WithReason reason={manageReason}>
                    <IconButton
                      size="small"
                      aria-label={t('access.revoke', { subject: row.subjectRef })}
                      title={manageReason ? undefined : t('access.revoke', { subject: row.subjectRef })}
                      disabled={!!manageReason}
                      onClick={() => onRevoke(row.subjectRef)}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </WithReason>
                </>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
