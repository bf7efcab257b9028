// The inline message under a form field. Its id is what the input's aria-describedby points at,
// so the message is read out together with the field.
export function FieldMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="h-field-error">
      {message}
    </p>
  );
}
