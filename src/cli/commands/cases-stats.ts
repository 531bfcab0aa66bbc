/** STUB (contract only; the statistics helper writes `palermo cases stats`). */
export async function casesStatsCommand(_args: string[]): Promise<number> {
  process.stderr.write('palermo cases stats: not built yet\n');
  return 1;
}
