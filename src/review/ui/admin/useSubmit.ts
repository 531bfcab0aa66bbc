import { useState } from 'react';
import { ApiError } from '../../../web/api/client.ts';

/** A form's submission: busy while it runs, the API's error kept to show, `done` after success. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run<T>(fn: () => Promise<T>, done?: (v: T) => void) {
    setBusy(true);
    setError(null);
    try {
      done?.(await fn());
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', String(e)));
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run, clear: () => setError(null) };
}
