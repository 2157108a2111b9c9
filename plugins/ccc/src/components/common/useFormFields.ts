import { useState } from 'react';

/**
 * Text fields of a dialog form: values, which fields were visited, and the
 * props that show a field's error only once it was visited (or the form was
 * submitted). Validation stays with the form; pass its errors in.
 */
export function useFormFields<F extends string, V extends Record<F, unknown>>(initial: V | (() => V)) {
  const [form, setForm] = useState<V>(initial);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});

  /** Shows the errors of all fields, e.g. on submit. */
  const touchAll = (fields: readonly F[]) => setTouched(Object.fromEntries(fields.map(f => [f, true])) as Partial<Record<F, boolean>>);

  /** Props for a MUI TextField bound to `field`; `onEdit` runs on every change (e.g. to clear a backend error). */
  const fieldProps = (
    field: F,
    options: { help: string; error?: string; disabled: boolean; onEdit?: () => void },
  ) => ({
    value: form[field] as string,
    onChange: (event: { target: { value: string } }) => {
      setForm(prev => ({ ...prev, [field]: event.target.value }));
      options.onEdit?.();
    },
    onBlur: () => setTouched(prev => ({ ...prev, [field]: true })),
    error: !!(touched[field] && options.error),
    helperText: (touched[field] && options.error) || options.help,
    fullWidth: true,
    margin: 'normal' as const,
    variant: 'outlined' as const,
    disabled: options.disabled,
  });

  return { form, setForm, setTouched, touchAll, fieldProps };
}
