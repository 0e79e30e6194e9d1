'use client';

import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '@/components/api/api-error';
import type { EventInput } from '@/components/api/event-types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { MAX_CAPACITY, MAX_DESCRIPTION, MAX_TITLE, MAX_VENUE } from '@/server/events/domain/limits';
import { datetimeLocalToIso, isoToDatetimeLocal } from './datetime-local';
import { eventErrorMessage } from './event-error-message';

export type EventFormValues = {
  title: string;
  description: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
};

export const emptyEventFormValues: EventFormValues = {
  title: '',
  description: '',
  venue: '',
  startsAt: '',
  endsAt: '',
  capacity: '',
};

export function eventToFormValues(event: {
  title: string;
  description?: string | null;
  venue?: string | null;
  startsAt: string;
  endsAt?: string | null;
  capacity: number;
}): EventFormValues {
  return {
    title: event.title,
    description: event.description ?? '',
    venue: event.venue ?? '',
    startsAt: isoToDatetimeLocal(event.startsAt),
    endsAt: isoToDatetimeLocal(event.endsAt),
    capacity: String(event.capacity),
  };
}

type Errors = Partial<Record<keyof EventFormValues, string>>;

/** Checks what the browser can know; the server has the final word (shown the same way). */
function validate(values: EventFormValues): { input: EventInput | null; errors: Errors } {
  const errors: Errors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the event a title.';
  const startsAt = datetimeLocalToIso(values.startsAt);
  if (!startsAt) errors.startsAt = 'Choose when the event starts.';
  const endsAt = values.endsAt ? datetimeLocalToIso(values.endsAt) : null;
  if (values.endsAt && !endsAt) errors.endsAt = 'This is not a valid date and time.';
  if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = 'The end must be after the start.';
  const capacity = Number(values.capacity);
  if (!values.capacity || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
    errors.capacity = `Capacity must be a whole number from 1 to ${MAX_CAPACITY.toLocaleString('en')}.`;
  }
  if (Object.keys(errors).length > 0 || !startsAt) return { input: null, errors };
  return {
    errors,
    input: {
      title,
      description: values.description.trim() || undefined,
      venue: values.venue.trim() || undefined,
      startsAt,
      endsAt: endsAt ?? undefined,
      capacity,
    },
  };
}

type EventFormProps = {
  initialValues: EventFormValues;
  submitLabel: string;
  pending: boolean;
  /** The last submission's failure: field errors go next to fields, the rest on top. */
  error: unknown;
  /** Replaces the generic alert for errors the parent explains better (e.g. version conflict). */
  renderError?: (error: unknown) => ReactNode | undefined;
  onSubmit: (input: EventInput) => void;
  secondaryAction?: ReactNode;
};

/** The organizer's event form, shared by create and edit. */
export function EventForm({ initialValues, submitLabel, pending, error, renderError, onSubmit, secondaryAction }: EventFormProps) {
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<Errors>({});

  const serverErrors: Errors = error instanceof ApiError ? error.fieldErrors() : {};
  if (error instanceof ApiError && error.code === 'capacity-below-registrations' && !serverErrors.capacity) {
    serverErrors.capacity = error.detail;
  }
  const errors: Errors = { ...serverErrors, ...clientErrors };
  const unmatchedFieldProblems = error instanceof ApiError ? error.fieldProblems.filter((p) => !(p.path in emptyEventFormValues)) : [];

  const set = (name: keyof EventFormValues) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value }));
    setClientErrors((errs) => ({ ...errs, [name]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: found } = validate(values);
    setClientErrors(found);
    if (input) onSubmit(input);
  };

  const custom = error ? renderError?.(error) : undefined;
  const showGeneric =
    error && !custom && !(error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0 && unmatchedFieldProblems.length === 0);

  return (
    <form className="form form-card" onSubmit={submit} noValidate aria-describedby="form-status">
      <div id="form-status">
        {custom}
        {showGeneric ? (
          <Alert title="The event could not be saved">
            <p>{eventErrorMessage(error)}</p>
            {unmatchedFieldProblems.length > 0 ? (
              <ul>
                {unmatchedFieldProblems.map((p) => (
                  <li key={p.path + p.message}>
                    {p.path ? `${p.path}: ` : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <Field name="title" label="Title" value={values.title} onChange={set('title')} error={errors.title} required maxLength={MAX_TITLE} autoComplete="off" />
      <TextAreaField
        name="description"
        label="Description"
        optional
        rows={5}
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        maxLength={MAX_DESCRIPTION}
      />
      <Field name="venue" label="Venue" optional value={values.venue} onChange={set('venue')} error={errors.venue} maxLength={MAX_VENUE} />
      <div className="field-row">
        <Field name="startsAt" label="Starts" type="datetime-local" value={values.startsAt} onChange={set('startsAt')} error={errors.startsAt} required />
        <Field
          name="endsAt"
          label="Ends"
          type="datetime-local"
          optional
          value={values.endsAt}
          onChange={set('endsAt')}
          error={errors.endsAt}
          min={values.startsAt || undefined}
        />
      </div>
      <Field
        name="capacity"
        label="Capacity"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={values.capacity}
        onChange={set('capacity')}
        error={errors.capacity}
        hint="How many people can register."
        required
        className="field-narrow"
      />

      <div className="form-actions">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {secondaryAction}
      </div>
    </form>
  );
}
