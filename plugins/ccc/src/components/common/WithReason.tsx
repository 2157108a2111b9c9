import Tooltip from '@material-ui/core/Tooltip';
import { ReactElement } from 'react';

/**
 * Explains a disabled control in a tooltip. Disabled buttons fire no mouse
 * events, so the tooltip hangs on a wrapper; without a reason the child is
 * rendered as it is.
 */
export function WithReason({ reason, children }: { reason?: string | null; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip title={reason}>
      <span style={{ display: 'inline-block' }}>{children}</span>
    </Tooltip>
  );
}
