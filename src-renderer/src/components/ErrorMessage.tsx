import type { ApiErrorData } from '../../../src-shared/api/errors';
import { FormMessage } from './FormMessage';
import { Refusal } from './Refusal';

/** A screen's load error: main's refusal reads like the nav's, anything else as main said it. */
export function ErrorMessage({ error, area }: { error: ApiErrorData | null; area: string }) {
  if (!error) return null;
  if (error.code === 'FORBIDDEN') return <Refusal area={area} headed={false} />;
  return <FormMessage error={error.message} />;
}
