import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Validates input with a zod schema; a failure becomes a 400 with every problem in words. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(issue =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    );
    throw new InputError(problems.join('; '));
  }
  return result.data;
}
