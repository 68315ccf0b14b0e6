/**
 * The body of a PUT that changes some settings: every field optional and
 * none filled with its default, so an omitted field keeps its stored value
 * (zod applies a default even inside `.partial()`).
 */
import { z } from 'zod';

/** `schema` with each top-level default removed, and every field optional. */
export function patchSchema<Shape extends z.ZodRawShape>(
  schema: z.ZodObject<Shape>,
) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([name, field]) => [
      name,
      field instanceof z.ZodDefault ? field.unwrap() : field,
    ]),
  ) as { [K in keyof Shape]: Shape[K] };
  return z.object(shape).strict().partial();
}
