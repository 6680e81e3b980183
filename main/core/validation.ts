import type { z } from 'zod';
import { FieldbookError } from './errors';

/** Parses with a zod schema and turns its issues into one sentence a person can read. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new FieldbookError('invalid_input', `${what}: ${describeIssues(result.error)}`, 'Correct the highlighted value and try again.');
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
