import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfDocument } from '../../src-shared/billing/model';

const FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** The text of every page of a PDF core made, whitespace collapsed, pages joined by a blank line (pdf.js, in tests only). */
export async function pdfText(pdf: PdfDocument): Promise<string> {
  const data = new Uint8Array(Buffer.from(pdf.base64, 'base64'));
  const document = await getDocument({
    data,
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: FONTS,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const parts: string[] = [];
    for (const item of content.items) if ('str' in item) parts.push(item.str);
    pages.push(parts.join(' ').replace(/\s+/g, ' ').trim());
  }
  await document.destroy();
  return pages.join('\n\n');
}
