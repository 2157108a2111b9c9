import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';
import { cccTranslationRef } from '../../translation';
import { errorMessage } from './errors';

/** One user or group the picker offers. */
interface Option {
  ref: string;
  kind: 'User' | 'Group';
  title: string;
}

function optionOf(entity: Entity): Option {
  const profile = (entity.spec?.profile ?? {}) as { displayName?: string };
  return {
    ref: stringifyEntityRef(entity),
    kind: entity.kind === 'Group' ? 'Group' : 'User',
    title: profile.displayName || entity.metadata.title || entity.metadata.name,
  };
}

/**
 * Picks a catalog user or group by name and hands its full entity ref
 * (`user:default/anna`) to `onChange`. The catalog is read once per picker;
 * CCC grants name people and teams, which a portal has in the hundreds, not
 * in the millions.
 */
export function EntityRefPicker({
  id,
  kinds,
  value,
  onChange,
  label,
  helperText,
  error,
  disabled,
  exclude = [],
}: {
  id: string;
  kinds: ReadonlyArray<'User' | 'Group'>;
  value: string | null;
  onChange: (ref: string | null) => void;
  label: string;
  helperText: string;
  error?: boolean;
  disabled?: boolean;
  /** Refs not to offer, e.g. current members. */
  exclude?: readonly string[];
}) {
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const kindKey = kinds.join(',');
  const loaded = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: kindKey.split(',') },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title', 'spec.profile.displayName'],
    });
    return items
      .map(optionOf)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title) || a.ref.localeCompare(b.ref));
  }, [catalogApi, kindKey]);

  const excluded = new Set(exclude);
  const options = (loaded.value ?? []).filter(option => !excluded.has(option.ref));
  const selected = options.find(option => option.ref === value) ?? null;

  let help = helperText;
  if (loaded.error) help = t('entityRefPicker.loadError', { message: errorMessage(loaded.error) });

  return (
    <Autocomplete<Option>
      id={id}
      options={options}
      value={selected}
      onChange={(_event, option) => onChange(option?.ref ?? null)}
      loading={loaded.loading}
      loadingText={t('entityRefPicker.loading')}
      noOptionsText={t('entityRefPicker.noOptions')}
      disabled={disabled}
      groupBy={
        kinds.length > 1
          ? o => t(o.kind === 'User' ? 'entityRefPicker.kindUser' : 'entityRefPicker.kindGroup')
          : undefined
      }
      getOptionLabel={option => `${option.title} (${option.ref})`}
      getOptionSelected={(option, current) => option.ref === current.ref}
      renderOption={option => (
        <div>
          <Typography variant="body2">{option.title}</Typography>
          <Typography variant="caption" color="textSecondary">
            {option.ref}
          </Typography>
        </div>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          helperText={help}
          error={error || !!loaded.error}
          variant="outlined"
          margin="normal"
          required
        />
      )}
    />
  );
}
