import type { Color, PDFDocument, PDFFont, PDFPage } from '@cantoo/pdf-lib';
import type { PdfDocument } from '../../../../src-shared/billing/model';

/**
 * A small page writer over pdf-lib for our documents (invoice, receipt, statement, claim, Z-report):
 * A4, Helvetica, a cursor moving down, tables of columns, a new page when the page is full. The
 * standard PDF fonts hold WinAnsi (Latin-1 and a few more): other characters are written as '?'
 * rather than failing the whole document. pdf-lib is imported when the first document is made, not at
 * start: loading it took longer than the rest of `clinic serve`'s start (1.9 s on a loaded 2-core machine).
 */

const WIDTH = 595.28;
const HEIGHT = 841.89;
const MARGIN = 48;

export type Align = 'left' | 'right';

export interface Column {
  width: number;
  align?: Align;
}

const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
};

/** Text the standard fonts can draw. */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const replaced = REPLACEMENTS[char];
    if (replaced !== undefined) out += replaced;
    else if (char === '€' || char === '…' || char === '•') out += char;
    else {
      const code = char.codePointAt(0) ?? 63;
      out += code >= 0x20 && code <= 0xff && !(code >= 0x7f && code < 0xa0) ? char : '?';
    }
  }
  return out;
}

export class PdfWriter {
  readonly #doc: PDFDocument;
  readonly #regular: PDFFont;
  readonly #bold: PDFFont;
  readonly #ink: Color;
  readonly #ruleInk: Color;
  readonly #grey: (level: number) => Color;
  #page: PDFPage;
  #y = HEIGHT - MARGIN;

  private constructor(
    doc: PDFDocument,
    fonts: { regular: PDFFont; bold: PDFFont },
    inks: { ink: Color; rule: Color; grey: (level: number) => Color },
  ) {
    this.#doc = doc;
    this.#regular = fonts.regular;
    this.#bold = fonts.bold;
    this.#ink = inks.ink;
    this.#ruleInk = inks.rule;
    this.#grey = inks.grey;
    this.#page = doc.addPage([WIDTH, HEIGHT]);
  }

  static async create(title: string): Promise<PdfWriter> {
    const { PDFDocument, StandardFonts, rgb } = await import('@cantoo/pdf-lib');
    const doc = await PDFDocument.create();
    doc.setTitle(printable(title));
    doc.setProducer('Front Desk');
    doc.setCreator('Front Desk');
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    return new PdfWriter(
      doc,
      { regular, bold },
      {
        ink: rgb(0.1, 0.1, 0.1),
        rule: rgb(0.6, 0.6, 0.6),
        grey: (level) => rgb(level, level, level),
      },
    );
  }

  get contentWidth(): number {
    return WIDTH - 2 * MARGIN;
  }

  #ensure(height: number): void {
    if (this.#y - height < MARGIN) {
      this.#page = this.#doc.addPage([WIDTH, HEIGHT]);
      this.#y = HEIGHT - MARGIN;
    }
  }

  #draw(text: string, x: number, options: { size: number; bold?: boolean; align?: Align; width?: number }): void {
    const font = options.bold ? this.#bold : this.#regular;
    let value = printable(text);
    const room = options.width ?? this.contentWidth;
    while (value.length > 1 && font.widthOfTextAtSize(value, options.size) > room) value = `${value.slice(0, -2)}…`;
    const width = font.widthOfTextAtSize(value, options.size);
    const left = options.align === 'right' ? x + room - width : x;
    this.#page.drawText(value, { x: left, y: this.#y, size: options.size, font, color: this.#ink });
  }

  /** A line of text; `right` puts a second text at the right margin on the same line. */
  text(text: string, options: { size?: number; bold?: boolean; right?: string } = {}): void {
    const size = options.size ?? 10;
    this.#ensure(size + 4);
    this.#y -= size + 4;
    this.#draw(text, MARGIN, { size, bold: options.bold ?? false });
    if (options.right !== undefined)
      this.#draw(options.right, MARGIN, { size, bold: options.bold ?? false, align: 'right' });
  }

  /** Starts a new page (each statement of a batch begins on its own). */
  newPage(): void {
    this.#page = this.#doc.addPage([WIDTH, HEIGHT]);
    this.#y = HEIGHT - MARGIN;
  }

  heading(text: string): void {
    this.space(6);
    this.text(text, { size: 16, bold: true });
    this.space(4);
  }

  space(points = 8): void {
    this.#y -= points;
  }

  rule(): void {
    this.#ensure(8);
    this.#y -= 4;
    this.#page.drawLine({
      start: { x: MARGIN, y: this.#y },
      end: { x: WIDTH - MARGIN, y: this.#y },
      thickness: 0.5,
      color: this.#ruleInk,
    });
    this.#y -= 4;
  }

  /**
   * One table row: each cell in its column (widths in points, summing to at most the content width).
   * `shades`: per cell, null or 0 (lightest grey) to 1 (darkest that dark text still reads on).
   */
  row(
    cells: string[],
    columns: Column[],
    options: { bold?: boolean; size?: number; shades?: readonly (number | null)[] } = {},
  ): void {
    const size = options.size ?? 9;
    this.#ensure(size + 5);
    this.#y -= size + 5;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const column = columns[index] ?? { width: 60 };
      const shade = options.shades?.[index];
      if (shade !== undefined && shade !== null) {
        const grey = 0.95 - Math.min(1, Math.max(0, shade)) * 0.35;
        this.#page.drawRectangle({
          x: x + 1,
          y: this.#y - 3,
          width: column.width - 2,
          height: size + 4,
          color: this.#grey(grey),
        });
      }
      this.#draw(cell, x, {
        size,
        bold: options.bold ?? false,
        align: column.align ?? 'left',
        width: column.width - 4,
      });
      x += column.width;
    });
  }

  async finish(fileName: string): Promise<PdfDocument> {
    return { fileName, mimeType: 'application/pdf', base64: await this.#doc.saveAsBase64() };
  }
}

/** The clinic's letterhead: name, address, tax number. */
export interface Letterhead {
  clinicName: string;
  clinicAddress: string | null;
  taxNumber: string | null;
}

export function letterhead(writer: PdfWriter, head: Letterhead, documentTitle: string): void {
  writer.text(head.clinicName, { size: 14, bold: true, right: documentTitle });
  if (head.clinicAddress) for (const line of head.clinicAddress.split('\n')) writer.text(line, { size: 9 });
  if (head.taxNumber) writer.text(`Tax number: ${head.taxNumber}`, { size: 9 });
  writer.rule();
}
