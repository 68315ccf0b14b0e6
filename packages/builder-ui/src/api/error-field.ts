/**
 * The input an API refusal names (`details.field`), so a form can mark
 * the field at fault next to it rather than only above the form.
 */
import { ApiError } from './api-error';

/** `details.field` of an ApiError; null for any other error. */
export function errorField(error: unknown): string | null {
  if (!(error instanceof ApiError)) {
    return null;
  }

  const field = (error.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? field : null;
}
