const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/**
 * An ISO timestamp in the viewer's locale and time zone; the input itself
 * when it is not a date, and an em dash when there is none.
 */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }

  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }

  return dateTimeFormat.format(date);
}
