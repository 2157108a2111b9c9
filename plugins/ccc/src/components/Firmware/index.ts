export { FirmwareCard } from './FirmwareCard';
