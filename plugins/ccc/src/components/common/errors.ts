import { ResponseError } from '@backstage/errors';

/**
 * The message to show for a failed call. `ResponseError.message` is only
 * "Request failed with 409 Conflict"; the backend's own explanation (e.g.
 * "only the owner may delete this system") travels in its `cause`.
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error) && error.cause?.message) {
    return error.cause.message;
  }
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

/** Whether a failed call was answered with the given HTTP status. */
export function hasStatus(error: unknown, status: number): boolean {
  return ResponseError.is(error) && error.statusCode === status;
}
