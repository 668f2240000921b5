import type { CsvMapping, CsvRowError } from '../../../../src-shared/interop/csv-import';

/** One data row read through the mapping: its fields' values, and errors naming the row and column. */
export class MappedRow {
  readonly errors: CsvRowError[] = [];
  private readonly byField = new Map<string, { header: string; value: string }>();

  constructor(
    /** As a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
    readonly row: number,
    readonly cells: string[],
    headers: string[],
    mapping: CsvMapping,
  ) {
    headers.forEach((header, index) => {
      const field = mapping[header];
      if (field && !this.byField.has(field)) this.byField.set(field, { header, value: cells[index] ?? '' });
    });
  }

  /** The cell's text, or undefined when the field is not mapped or the cell is blank. */
  value(field: string): string | undefined {
    const cell = this.byField.get(field)?.value.trim();
    return cell ? cell : undefined;
  }

  isMapped(field: string): boolean {
    return this.byField.has(field);
  }

  /** The header of the column mapped to a field, to name it in an error. */
  column(field: string): string | null {
    return this.byField.get(field)?.header ?? null;
  }

  fail(field: string | null, message: string): void {
    this.errors.push({ row: this.row, column: field ? (this.column(field) ?? field) : null, message });
  }
}
