'use client';

type PeopleSearchFormProps = { value: string; onChange: (value: string) => void };

/** The start of a name; the directory debounces and narrows as you type. */
export function PeopleSearchForm({ value, onChange }: PeopleSearchFormProps) {
  return (
    <form role="search" className="search-form" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor="people-search" className="visually-hidden">
        Search people by name
      </label>
      <input
        id="people-search"
        type="search"
        className="input search-input"
        placeholder="Name starts with…"
        value={value}
        maxLength={50}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    </form>
  );
}
