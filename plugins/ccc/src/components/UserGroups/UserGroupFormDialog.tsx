import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  CccUserGroup,
  createUserGroupRequestSchema,
  GRANTABLE_ROLES,
  GrantableRole,
  UserGroupVisibility,
} from '@internal/plugin-ccc-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import { cccApiRef, CreateUserGroupRequest, UpdateUserGroupRequest } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from '../common/errors';
import { useRoleTexts } from '../common/roles';
import { useFormFields } from '../common/useFormFields';

interface Form {
  name: string;
  description: string;
  defaultRole: GrantableRole;
  visibility: UserGroupVisibility;
}
type Field = 'name' | 'description';

const EMPTY: Form = { name: '', description: '', defaultRole: 'monitoring', visibility: 'public' };

const formOf = (group?: CccUserGroup): Form =>
  group
    ? { name: group.name, description: group.description, defaultRole: group.defaultRole, visibility: group.visibility }
    : EMPTY;

/** The fields that differ from the group, so a change never overwrites one made meanwhile by someone else. */
function changesOf(group: CccUserGroup, form: CreateUserGroupRequest): UpdateUserGroupRequest {
  const changes: UpdateUserGroupRequest = {};
  if (form.name !== group.name) changes.name = form.name;
  if (form.description !== group.description) changes.description = form.description;
  if (form.defaultRole !== group.defaultRole) changes.defaultRole = form.defaultRole;
  if (form.visibility !== group.visibility) changes.visibility = form.visibility;
  return changes;
}

/** Creates a CCC user group, or with `group` edits one (owner only); `onSaved` gets the stored group. */
export function UserGroupFormDialog({
  open,
  group,
  onClose,
  onSaved,
}: {
  open: boolean;
  group?: CccUserGroup;
  onClose: () => void;
  onSaved: (group: CccUserGroup) => void;
}) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const roles = useRoleTexts();
  const { form, setForm, setTouched, touchAll, fieldProps: bind } = useFormFields<Field, Form>(() => formOf(group));
  const [submitting, setSubmitting] = useState(false);
  const [backendError, setBackendError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setForm(formOf(group));
    setTouched({});
    setSubmitting(false);
    setBackendError(null);
  }, [open, group, setForm, setTouched]);

  // The shared schema decides (the backend checks the same); its English messages become translated ones.
  const parsed = createUserGroupRequestSchema.safeParse(form);
  const errors: Partial<Record<Field, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'name' && !errors.name) {
        errors.name = issue.code === 'too_big' ? t('groupForm.errors.nameTooLong') : t('groupForm.errors.nameRequired');
      } else if (issue.path[0] === 'description' && !errors.description) {
        errors.description = t('groupForm.errors.descriptionTooLong');
      }
    }
  }
  const request = parsed.success ? (parsed.data as CreateUserGroupRequest) : undefined;
  const changes = group && request ? changesOf(group, request) : undefined;
  const unchanged = !!group && !!changes && Object.keys(changes).length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    touchAll(['name', 'description']);
    if (!request || unchanged) return;
    setSubmitting(true);
    setBackendError(null);
    try {
      const saved = group ? await api.updateUserGroup(group.id, changes!) : await api.createUserGroup(request);
      setSubmitting(false);
      onSaved(saved);
      onClose();
    } catch (e) {
      setBackendError(errorMessage(e));
      setSubmitting(false);
    }
  };

  const close = () => {
    if (!submitting) onClose();
  };

  const fieldProps = (field: Field, help: string) =>
    bind(field, { help, error: errors[field], disabled: submitting, onEdit: () => setBackendError(null) });

  let submitLabel: string = group ? t('common.save') : t('groupForm.create');
  if (submitting) submitLabel = group ? t('common.saving') : t('groupForm.creating');

  return (
    <Dialog open={open} onClose={close} aria-labelledby="ccc-group-form-title" maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id="ccc-group-form-title">
          {group ? t('groupForm.editTitle', { name: group.name }) : t('groupForm.createTitle')}
        </DialogTitle>
        <DialogContent>
          <TextField
            {...fieldProps('name', t('groupForm.nameHelp'))}
            id="ccc-group-name"
            label={t('groupForm.name')}
            required
          />
          <TextField
            {...fieldProps('description', t('groupForm.descriptionHelp'))}
            id="ccc-group-description"
            label={t('groupForm.description')}
            multiline
            minRows={2}
          />
          <TextField
            id="ccc-group-default-role"
            select
            label={t('groupForm.defaultRole')}
            helperText={t('groupForm.defaultRoleHelp')}
            value={form.defaultRole}
            onChange={e => setForm(prev => ({ ...prev, defaultRole: e.target.value as GrantableRole }))}
            disabled={submitting}
            fullWidth
            margin="normal"
            variant="outlined"
          >
            {GRANTABLE_ROLES.map(role => (
              <MenuItem key={role} value={role}>
                {roles.label(role)}
              </MenuItem>
            ))}
          </TextField>
          <FormControl component="fieldset" margin="normal" disabled={submitting}>
            <FormLabel component="legend">{t('groupForm.visibility')}</FormLabel>
            <RadioGroup
              value={form.visibility}
              onChange={e => setForm(prev => ({ ...prev, visibility: e.target.value as UserGroupVisibility }))}
            >
              <FormControlLabel
                value="public"
                control={<Radio color="primary" />}
                label={`${t('groups.visibility.public')} – ${t('groupForm.publicHelp')}`}
              />
              <FormControlLabel
                value="private"
                control={<Radio color="primary" />}
                label={`${t('groups.visibility.private')} – ${t('groupForm.privateHelp')}`}
              />
            </RadioGroup>
          </FormControl>
          {backendError && <Alert severity="error">{t('groupForm.failed', { message: backendError })}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="primary" variant="contained" disabled={submitting || unchanged}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
