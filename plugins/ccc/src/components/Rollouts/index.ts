export { RolloutsPage } from './RolloutsPage';
export { RolloutName } from './RolloutName';
