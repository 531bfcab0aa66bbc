/** STUB (contract only; the import helper writes `palermo cases import`). */
export async function casesImportCommand(_args: string[]): Promise<number> {
  process.stderr.write('palermo cases import: not built yet\n');
  return 1;
}
