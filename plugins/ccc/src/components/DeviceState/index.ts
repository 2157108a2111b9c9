export { DeviceStateDisplay, useDeviceStateLabel } from './DeviceStateDisplay';
