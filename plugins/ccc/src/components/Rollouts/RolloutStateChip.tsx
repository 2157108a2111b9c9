import { RolloutState } from '@internal/plugin-ccc-common';
import Chip from '@material-ui/core/Chip';
import { useRolloutTexts } from './rolloutTexts';

const COLORS: Record<RolloutState, 'primary' | 'secondary' | 'default'> = {
  running: 'primary',
  paused: 'default',
  completed: 'default',
  stopped: 'secondary',
  aborted: 'secondary',
};

/** A rollout's state as a small chip; stopped and aborted stand out. */
export function RolloutStateChip({ state }: { state: RolloutState }) {
  const texts = useRolloutTexts();
  return <Chip size="small" color={COLORS[state]} label={texts.state(state)} />;
}
