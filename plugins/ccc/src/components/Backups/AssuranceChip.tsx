import { StatusAborted, StatusError, StatusOK, StatusPending, StatusWarning } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { ReactElement } from 'react';
import { AssuranceStatus, useAssuranceTexts } from './assuranceTexts';

// The status components mark themselves aria-hidden; the chip's label carries the status for screen readers.
const ICONS: Record<AssuranceStatus, ReactElement> = {
  ok: <StatusOK />,
  stale: <StatusWarning />,
  failed: <StatusError />,
  never: <StatusWarning />,
  not_configured: <StatusAborted />,
  unknown: <StatusPending />,
};

/** The backup assurance status of a system as a chip; hovering it explains the status. */
export function AssuranceChip({ status }: { status: AssuranceStatus }) {
  const texts = useAssuranceTexts();
  return (
    <Tooltip title={texts.explanation(status)}>
      <Chip
        size="small"
        variant="outlined"
        icon={<span style={{ marginLeft: 8, display: 'inline-flex' }}>{ICONS[status] ?? ICONS.unknown}</span>}
        label={texts.label(status)}
      />
    </Tooltip>
  );
}
