import { useState, type KeyboardEvent } from 'react';
import type { ScanAnswer } from '../../../../src-shared/api/areas/stock';
import { call } from '../../api';
import { Field } from '../../components/Field';

/**
 * "Scan" over a sheet (a count, a delivery): a keyboard-wedge scanner types a barcode and Enter, main says
 * what it names (`stock.scan`), and `onScanned` finds that on the sheet — answering why not when it is not
 * there, shown under the field like main's own refusal. Found, the field is emptied for the next box.
 */
export function ScanField({
  label,
  hint,
  onScanned,
}: {
  label: string;
  hint: string;
  /** Acts on what the scan names; a problem to show under the field, or null. */
  onScanned: (answer: ScanAnswer) => string | null;
}) {
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | undefined>();

  async function readScan(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    setScanError(undefined);
    const answer = await call('stock.scan', { text: scan });
    if (!answer.ok) return setScanError(answer.error.details?.fields?.text ?? answer.error.message);
    const problem = onScanned(answer.value);
    if (problem !== null) return setScanError(problem);
    setScan('');
  }

  return (
    <div className="count-scan">
      <Field
        label={label}
        value={scan}
        onChange={(event) => setScan(event.target.value)}
        onKeyDown={(event) => void readScan(event)}
        error={scanError}
        hint={hint}
        autoComplete="off"
      />
    </div>
  );
}
