import { GRANTABLE_ROLES, GrantableRole } from '@internal/plugin-ccc-common';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { useRoleTexts } from './roles';

/** Chooses any of the grantable roles (all but owner), in the table's order. */
export function RoleCheckboxes({
  label,
  value,
  onChange,
  helperText,
  error,
  disabled,
}: {
  label: string;
  value: readonly GrantableRole[];
  onChange: (roles: GrantableRole[]) => void;
  helperText: string;
  error?: boolean;
  disabled?: boolean;
}) {
  const roles = useRoleTexts();
  const toggle = (role: GrantableRole, checked: boolean) =>
    onChange(GRANTABLE_ROLES.filter(r => (r === role ? checked : value.includes(r))));
  return (
    <FormControl component="fieldset" margin="normal" error={error} disabled={disabled}>
      <FormLabel component="legend">{label}</FormLabel>
      <FormGroup row>
        {GRANTABLE_ROLES.map(role => (
          <FormControlLabel
            key={role}
            label={roles.label(role)}
            control={
              <Checkbox
                color="primary"
                checked={value.includes(role)}
                onChange={(_event, checked) => toggle(role, checked)}
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText>{helperText}</FormHelperText>
    </FormControl>
  );
}
