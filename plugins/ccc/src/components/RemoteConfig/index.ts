export { RemoteConfigCard } from './RemoteConfigCard';
