import { z } from 'zod';
import { CccSystem, DEVICE_STATES, DeviceState } from './systems';

/** Columns `GET /systems` sorts by: those of the manual's systems overview. */
export const SYSTEM_SORT_COLUMNS = ['name', 'serialNumber', 'firstRegisteredAt', 'state'] as const;

/** One of {@link SYSTEM_SORT_COLUMNS}. */
export type SystemSortColumn = (typeof SYSTEM_SORT_COLUMNS)[number];

/** Largest page of `GET /systems`. */
export const SYSTEMS_MAX_PAGE_SIZE = 500;

/**
 * Query of `GET /systems`. Without `limit` the answer holds every matching system (the catalog provider and the
 * pickers read it so); with `limit` it is one page, which keeps the systems page fast for a fleet of thousands.
 * Sorting by state puts what needs attention first: error, pending token, restricted, unknown, paired.
 */
export const systemsQuerySchema = z
  .object({
    /** Text in the name or serial number (case-insensitive, no wildcards). */
    q: z
      .string()
      .max(100, 'q is at most 100 characters')
      .regex(/^[^\p{Cc}]*$/u, 'q must not contain control characters')
      .optional(),
    state: z.enum(DEVICE_STATES, { message: `state is one of ${DEVICE_STATES.join(', ')}` }).optional(),
    sort: z
      .enum(SYSTEM_SORT_COLUMNS, { message: `sort is one of ${SYSTEM_SORT_COLUMNS.join(', ')}` })
      .default('name'),
    order: z.enum(['asc', 'desc'], { message: 'order is asc or desc' }).default('asc'),
    limit: z.coerce
      .number({ message: 'limit must be a number' })
      .int('limit must be a whole number')
      .min(1, 'limit is at least 1')
      .max(SYSTEMS_MAX_PAGE_SIZE, `limit is at most ${SYSTEMS_MAX_PAGE_SIZE}`)
      .optional(),
    offset: z.coerce
      .number({ message: 'offset must be a number' })
      .int('offset must be a whole number')
      .min(0, 'offset is at least 0')
      .max(1_000_000, 'offset is at most 1000000')
      .optional(),
  })
  .strict()
  .refine(q => q.offset === undefined || q.limit !== undefined, {
    message: 'offset needs limit: send the page size too',
    path: ['offset'],
  });

/** What a caller sends as {@link systemsQuerySchema}: filters, order and, for one page, its size and offset. */
export interface SystemsQuery {
  q?: string;
  state?: DeviceState;
  sort?: SystemSortColumn;
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

/** Parsed {@link systemsQuerySchema}. */
export type ParsedSystemsQuery = z.output<typeof systemsQuerySchema>;

/** Answer of `GET /systems`: the systems of the page (or all) and how many match in all. */
export interface CccSystemsPage {
  items: CccSystem[];
  totalCount: number;
}
