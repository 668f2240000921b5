import type { PdfDocument } from '../../../../src-shared/billing/model';

/**
 * Saves a PDF core made (the desktop app's download folder, or the browser's): the same file in both.
 * A download rather than a new tab, so a pop-up blocker never eats the receipt.
 */
export function savePdf(pdf: PdfDocument): void {
  const bytes = Uint8Array.from(atob(pdf.base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: pdf.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = pdf.fileName;
  link.click();
  // Revoked a moment later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
