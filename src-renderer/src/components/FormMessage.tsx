/** The message for a whole form (not one field), next to its button. */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p role="status" className="form-success">
        {success}
      </p>
    );
  }
  return null;
}
