import Papa from 'papaparse';
import { fieldError } from '../../../../src-shared/api/errors';
import { MAX_CSV_ROWS, type CsvEncoding } from '../../../../src-shared/interop/csv-import';

/** A CSV file as its header and rows, every row as long as the header. */
export interface CsvTable {
  headers: string[];
  rows: string[][];
}

/**
 * Bytes to text in the encoding the user chose. UTF-8 is read strictly, so a Windows-1252 file read as
 * UTF-8 is refused with a hint instead of importing "PeÃ±a"; a byte-order mark is dropped.
 */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding): string {
  try {
    return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false }).decode(bytes);
  } catch {
    throw fieldError('encoding', 'the file is not UTF-8 text; choose Windows-1252 (or save the file as UTF-8)');
  }
}

/** Header names made unique and never blank, so a mapping can name each column. */
function headersOf(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((header, index) => {
    const base = header.trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Parses with papaparse (quotes, embedded newlines, any of , ; tab as delimiter); blank lines are dropped. */
export function parseCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [first, ...rest] = parsed.data;
  if (!first || first.every((cell) => cell.trim() === '')) throw fieldError('file', 'the file has no header row');
  if (rest.length > MAX_CSV_ROWS) throw fieldError('file', `has more than ${MAX_CSV_ROWS} rows; split it`);
  const headers = headersOf(first);
  const rows = rest.map((row) => headers.map((_, index) => (row[index] ?? '').trim()));
  return { headers, rows };
}
