import InputAdornment from '@material-ui/core/InputAdornment';
import { CSSProperties } from 'react';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';

/** A small search field that filters a list as the user types. */
export function FilterField({
  label,
  value,
  onChange,
  style,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  style?: CSSProperties;
}) {
  return (
    <TextField
      value={value}
      onChange={e => onChange(e.target.value)}
      placeholder={label}
      inputProps={{ 'aria-label': label }}
      size="small"
      variant="outlined"
      style={style}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
    />
  );
}
