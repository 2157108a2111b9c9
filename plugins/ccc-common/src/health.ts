import { z } from 'zod';

/** State of one dependency the backend checks for its health report. */
export const cccDependencyStatusSchema = z.enum(['ok', 'down', 'not-configured']);

/** State of one dependency the backend checks for its health report. */
export type CccDependencyStatus = z.infer<typeof cccDependencyStatusSchema>;

/** Result of probing one dependency (database, device gateway or simulator). */
export const cccDependencyHealthSchema = z.object({
  status: cccDependencyStatusSchema,
  latencyMs: z.number().optional(),
  target: z.string().optional(),
  message: z.string().optional(),
});

/** Result of probing one dependency (database, device gateway or simulator). */
export type CccDependencyHealth = z.infer<typeof cccDependencyHealthSchema>;

/** Body of `GET /api/ccc/health`. */
export const cccHealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checkedAt: z.string(),
  database: cccDependencyHealthSchema,
  devices: cccDependencyHealthSchema,
});

/** Body of `GET /api/ccc/health`. */
export type CccHealth = z.infer<typeof cccHealthSchema>;

/**
 * Combines the dependency results into the overall state: the database is
 * essential (down means down), the device side only degrades the service.
 */
export function overallHealthStatus(
  database: CccDependencyHealth,
  devices: CccDependencyHealth,
): CccHealth['status'] {
  if (database.status !== 'ok') {
    return 'down';
  }
  return devices.status === 'down' ? 'degraded' : 'ok';
}
