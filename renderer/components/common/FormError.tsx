/** A refusal that concerns the whole form (not one field), announced when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (message === null || message === undefined) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
