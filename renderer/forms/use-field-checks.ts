import { createRef, useState } from 'react';
import type { FocusEvent, RefObject } from 'react';
import { useTranslation } from '../i18n/use-translation';
import type { z } from 'zod';
import { validateOnBlur } from './blur-validation';
import { validateWith } from './field-errors';
import type { FieldErrors } from './field-errors';

interface FieldChecksOptions {
  /** Leaving an empty field that shows no error yet stays quiet (a blank form is not wrong before submitting). */
  quietWhenEmpty?: boolean;
}

/**
 * The per-field errors of a form over the shared schemas: one field checked when it is left, all of them
 * shown at once on submit or refusal with the focus on the first that failed.
 */
export function useFieldChecks<F extends string>(fields: readonly F[], schemas: Record<F, z.ZodType<unknown>>, values: () => Record<F, string>, { quietWhenEmpty = false }: FieldChecksOptions = {}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refs] = useState(() => Object.fromEntries(fields.map((field) => [field, createRef<HTMLInputElement>()])) as Record<F, RefObject<HTMLInputElement | null>>);

  const checkField = (field: F): void => {
    const value = values()[field];
    if (quietWhenEmpty && value.trim() === '' && errors[field] === undefined) return;
    const result = validateWith(schemas[field], value, t, field);
    setErrors((current) => ({ ...current, [field]: result.ok ? undefined : result.errors[field] }));
  };

  /** The onBlur handler of a field: checks it unless focus went to a control the error would shift away. */
  const checkOnBlur =
    (field: F) =>
    (event: FocusEvent<HTMLElement>): void => {
      if (validateOnBlur(event)) checkField(field);
    };

  /** Replaces every error shown and focuses the first field (in form order) that has one. */
  const showErrors = (fieldErrors: FieldErrors): void => {
    setErrors(fieldErrors);
    const first = fields.find((field) => fieldErrors[field] !== undefined);
    if (first !== undefined) refs[first].current?.focus();
  };

  return { errors, refs, checkOnBlur, showErrors };
}
