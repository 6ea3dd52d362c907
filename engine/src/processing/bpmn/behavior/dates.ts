/**
 * A date-time as java.time's ZonedDateTime.toString() prints it in UTC, which is how Zeebe
 * writes evaluated due dates into job headers: seconds and fractions only when not zero,
 * e.g. 2026-11-28T10:00Z, 2026-11-28T10:00:30Z, 2026-11-28T10:00:30.250Z.
 */
export function formatZonedDateTime(date: Date): string {
  const iso = date.toISOString(); // 2026-11-28T10:00:30.250Z
  const minutes = iso.slice(0, 16);
  const seconds = iso.slice(17, 19);
  const millis = iso.slice(20, 23);
  if (millis !== '000') return `${minutes}:${seconds}.${millis}Z`;
  if (seconds !== '00') return `${minutes}:${seconds}Z`;
  return `${minutes}Z`;
}
