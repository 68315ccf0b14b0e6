/**
 * A copy of the items sorted by `createdAt`, newest first. ISO timestamps
 * in UTC sort correctly as text.
 */
export function newestFirst<T extends { createdAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
