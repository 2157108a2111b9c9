export { RemoteConfigCard } from './RemoteConfigCard';
export { RemoteSessionIcon } from './RemoteSessionIcon';
