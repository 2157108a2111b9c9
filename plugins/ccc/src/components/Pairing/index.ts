export { PairingControls, canPairAgain } from './PairingControls';
export { PairingTokenPanel } from './PairingTokenPanel';
export { PairingTokenDialog } from './PairingTokenDialog';
