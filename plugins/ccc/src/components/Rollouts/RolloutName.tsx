import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { cccApiRef } from '../../api/CccApi';
import { cccTranslationRef } from '../../translation';

/** "Rollout: <name>" for a job a fleet rollout started; without the name while loading or when it cannot be read. */
export function RolloutName({ rolloutId }: { rolloutId: string }) {
  const api = useApi(cccApiRef);
  const { t } = useTranslationRef(cccTranslationRef);
  const { value } = useAsync(() => api.getRollout(rolloutId), [api, rolloutId]);
  return (
    <>
      {value?.name
        ? t('rollouts.partOf', { name: value.name })
        : t('rollouts.partOfUnknown')}
    </>
  );
}
