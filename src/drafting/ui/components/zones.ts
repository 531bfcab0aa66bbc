/** The IANA time zones the browser knows (UTC first), for date-time ranges sent to service providers. */
export function timeZones(): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  const fallback = ['Europe/Paris', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Africa/Lagos', 'America/Mexico_City', 'Africa/Cairo'];
  return ['UTC', ...[...new Set([...zones, ...fallback])].filter((z) => z !== 'UTC' && z.includes('/')).sort()];
}

/** ISO 4217 codes the browser knows; a few common ones when it knows none. */
export function currencies(): string[] {
  try {
    const list = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency');
    if (list?.length) return list;
  } catch {
    // older browsers
  }
  return ['CNY', 'EUR', 'GBP', 'JPY', 'RUB', 'USD'];
}

/** The browser's own zone, when it is one of the list. */
export function localZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}
