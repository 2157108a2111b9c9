import { StatusAborted, StatusError, StatusOK, StatusWarning } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { CccScoreCheck, ScoreCheckStatus } from '@internal/plugin-ccc-common';
import Tooltip from '@material-ui/core/Tooltip';
import { ReactElement } from 'react';
import { cccTranslationRef } from '../../translation';
import { useCheckTexts } from './useCheckTexts';

// The status components hide themselves from screen readers; the wrapper carries the words.
const ICONS: Record<ScoreCheckStatus, ReactElement> = {
  pass: <StatusOK />,
  warn: <StatusWarning />,
  fail: <StatusError />,
  unknown: <StatusAborted />,
};

/** One health check as an icon; its name, outcome and explanation are in the tooltip and the accessible name. */
export function CheckIcon({ check }: { check: CccScoreCheck }) {
  const { t } = useTranslationRef(cccTranslationRef);
  const texts = useCheckTexts();
  const label = t('health.checkLabel', {
    check: texts.name(check),
    status: texts.status(check.status),
    explanation: texts.explanation(check),
  });
  return (
    <Tooltip title={label}>
      <span role="img" aria-label={label} data-status={check.status} style={{ display: 'inline-flex' }}>
        {ICONS[check.status] ?? ICONS.unknown}
      </span>
    </Tooltip>
  );
}
