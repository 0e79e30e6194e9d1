'use client';

import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ApiError } from '@/components/api/api-error';
import type { EventInput } from '@/components/api/event-types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { MAX_CAPACITY, MAX_DESCRIPTION, MAX_TITLE, MAX_VENUE } from '@/server/events/domain/limits';
import { datetimeLocalToIso, isoToDatetimeLocal } from './datetime-local';
import { eventErrorMessage } from './event-error-message';
import { formatEventDate } from './format-event-date';
import { LimitedTextField, overLimitMessage } from './limited-text-field';

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
export function validate(
  values: EventFormValues,
  { now = Date.now(), initialStartsAt = '' }: { now?: number; initialStartsAt?: string } = {},
): { input: EventInput | null; errors: Errors } {
  const errors: Errors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'Give the event a title.';
  else if (values.title.length > MAX_TITLE) errors.title = overLimitMessage('Title', values.title.length, MAX_TITLE);
  if (values.venue.length > MAX_VENUE) errors.venue = overLimitMessage('Venue', values.venue.length, MAX_VENUE);
  if (values.description.length > MAX_DESCRIPTION) errors.description = overLimitMessage('Description', values.description.length, MAX_DESCRIPTION);
  const startsAt = datetimeLocalToIso(values.startsAt);
  if (!startsAt) errors.startsAt = 'Choose when the event starts.';
  // A start already in the past is refused here, before the server would (an unchanged start of an event being edited is left alone).
  else if (values.startsAt !== initialStartsAt && Date.parse(startsAt) <= now) {
    errors.startsAt = `This start (${formatEventDate(startsAt)}) is in the past. Choose a later date and time.`;
  }
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

  const formRef = useRef<HTMLFormElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: found } = validate(values, { initialStartsAt: initialValues.startsAt });
    setClientErrors(found);
    if (input) {
      onSubmit(input);
      return;
    }
    // Take the keyboard to the first field that needs attention, after React shows its message.
    const first = (Object.keys(emptyEventFormValues) as (keyof EventFormValues)[]).find((name) => found[name]);
    if (first) requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`#field-${first}`)?.focus());
  };
  // The viewer's zone and "now" exist only in the browser: read them after hydration.
  const [clientInfo, setClientInfo] = useState<{ zone: string; now: string } | null>(null);
  useEffect(() => setClientInfo({ zone: timeZoneLabel(), now: isoToDatetimeLocal(new Date().toISOString()) }), []);

  const custom = error ? renderError?.(error) : undefined;
  const showGeneric =
    error && !custom && !(error instanceof ApiError && error.status === 400 && error.fieldProblems.length > 0 && unmatchedFieldProblems.length === 0);

  return (
    <Card as="div" className="max-w-3xl">
      <form ref={formRef} className="flex flex-col gap-6" onSubmit={submit} noValidate aria-describedby="form-status">
        <div id="form-status" className="empty:hidden">
          {custom}
          {showGeneric ? (
            <Alert title="The event could not be saved">
              <p>{eventErrorMessage(error)}</p>
              {unmatchedFieldProblems.length > 0 ? (
                <ul className="list-disc pl-4">
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

        <LimitedTextField
          name="title"
          label="Title"
          value={values.title}
          limit={MAX_TITLE}
          onChange={set('title')}
          error={errors.title}
          required
          autoComplete="off"
        />
        <LimitedTextField
          multiline
          name="description"
          label="Description"
          optional
          rows={5}
          value={values.description}
          limit={MAX_DESCRIPTION}
          onChange={set('description')}
          error={errors.description}
        />
        <LimitedTextField name="venue" label="Venue" optional value={values.venue} limit={MAX_VENUE} onChange={set('venue')} error={errors.venue} />
        <fieldset className="flex min-w-0 flex-col gap-3">
          <legend className="sr-only">When</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="startsAt"
              label="Starts"
              type="datetime-local"
              value={values.startsAt}
              onChange={set('startsAt')}
              error={errors.startsAt}
              min={clientInfo?.now}
              required
            />
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
          <p className="text-muted-foreground text-sm" data-testid="form-time-zone">
            {clientInfo ? `Times are in your time zone, ${clientInfo.zone}.` : 'Times are in your time zone.'}
          </p>
        </fieldset>
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
          className="max-w-48"
        />

        <div className="flex flex-wrap items-center gap-2 border-t pt-5">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {secondaryAction}
        </div>
      </form>
    </Card>
  );
}

/** "Europe/Berlin (GMT+1)": the zone the datetime fields speak. */
function timeZoneLabel(): string {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = new Intl.DateTimeFormat('en', { timeZoneName: 'shortOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value;
  return offset && offset !== name ? `${name} (${offset})` : name;
}
