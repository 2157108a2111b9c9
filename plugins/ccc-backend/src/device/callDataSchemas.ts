import { z } from 'zod';
import type { DeviceCallData, DeviceCallDataPage } from './DeviceClient';
import { DeviceRequestError } from './errors';

/*
 * What `GET /api/v1/calldata` answers: the field names and the list envelope
 * are those of the real COMtrexx REST API (domain §2.1), but their types and
 * which fields may be null are not published. So the schema is lenient where
 * a real device might differ (null texts become "", unknown call types pass,
 * extra fields are dropped) and strict where the backend depends on a value
 * (ids, dates, durations, direction, success). An answer that does not fit
 * becomes a DeviceRequestError instead of undefined values deep inside the backend.
 */

// A text field a device may leave out or send as null: "" for callers.
const text = z
  .string()
  .nullish()
  .transform(value => value ?? '');

/** One call-data record; its output type is {@link DeviceCallData}. */
export const callDataRecordSchema = z.object({
  CallDataId: z.number().int().nonnegative(),
  // "ISO-8601, may end in Z" (domain §2.1): with or without an offset.
  startDate: z.iso.datetime({ offset: true, local: true }),
  length: z.number().int().nonnegative(),
  externalName: text,
  externalPhoneNumber: text,
  msn: text,
  userNumber: text,
  userName: text,
  connectedUserNumber: text,
  connectedUserName: text,
  groupNumber: text,
  groupName: text,
  cost: z.number().nullable(),
  costFactor: z.number().nullable(),
  direction: z.enum(['Incoming', 'Outgoing']),
  // The real enum is longer than the values known (Normal, CfIntern, CfExtern, Voicemailbox, ...).
  callType: z.string().min(1),
  success: z.boolean(),
});

/** The list envelope `{ _links: { totalCount }, data }` of `GET /api/v1/calldata`. */
export const callDataPageSchema = z.object({
  _links: z.object({ totalCount: z.number().int().nonnegative() }),
  data: z.array(callDataRecordSchema),
});

/** Checks a call-data answer; throws a {@link DeviceRequestError} naming the path and the first problem. */
export function parseCallDataPage(value: unknown, path: string): DeviceCallDataPage {
  const result = callDataPageSchema.safeParse(value);
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new DeviceRequestError(`The device sent unexpected call data for ${path}${where}: ${issue.message}`);
  }
  // Typed against the interface, so the schema and DeviceCallData cannot drift apart unnoticed.
  const records: DeviceCallData[] = result.data.data;
  return { totalCount: result.data._links.totalCount, records };
}
