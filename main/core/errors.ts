import type { ErrorCode } from '../../shared/contract';

/** An error a person can act on: `message` says what happened, `hint` what to do next. */
export class FieldbookError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'FieldbookError';
  }
}

export function notFound(what: string): FieldbookError {
  return new FieldbookError(
    'not_found',
    `${what} was not found. It may have been deleted.`,
    'Go back to the fieldbook list and pick it again.',
  );
}
