import { DeviceClient } from '../device/DeviceClient';
import { CccMetrics } from './CccMetrics';

/**
 * Wraps a device client so that every operation is timed and its errors are
 * counted by kind, without touching the client itself.
 */
export function instrumentDeviceClient(client: DeviceClient, metrics: CccMetrics): DeviceClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      // Bound to the client itself: its private fields are not reachable through the proxy.
      if (property === 'forget') return value.bind(target);
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          const result = await value.apply(target, args);
          metrics.deviceOperation(String(property), (performance.now() - started) / 1000);
          return result;
        } catch (error) {
          metrics.deviceOperation(String(property), (performance.now() - started) / 1000, error);
          throw error;
        }
      };
    },
  });
}
