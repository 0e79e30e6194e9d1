'use client';

import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

type Slot = { title: string | null; setTitle: (title: string | null) => void };

const BreadcrumbTitleContext = createContext<Slot>({ title: null, setTitle: () => {} });

/** Holds the name of the entity the current page shows (an event's title, a person's name) for the breadcrumbs. */
export function BreadcrumbTitleProvider({ children }: { children: ReactNode }) {
  const [title, setTitle] = useState<string | null>(null);
  return <BreadcrumbTitleContext value={{ title, setTitle }}>{children}</BreadcrumbTitleContext>;
}

/**
 * An entity page names itself in the breadcrumbs: `useBreadcrumbTitle(event?.title)`.
 * Until the title is known (or without this call) the crumb says what kind of page it is.
 */
export function useBreadcrumbTitle(title: string | null | undefined) {
  const { setTitle } = useContext(BreadcrumbTitleContext);
  useEffect(() => {
    setTitle(title ?? null);
    return () => setTitle(null);
  }, [title, setTitle]);
}

export function useBreadcrumbTitleValue() {
  return useContext(BreadcrumbTitleContext).title;
}

/** `useBreadcrumbTitle` for server components: renders nothing. */
export function BreadcrumbTitle({ title }: { title: string }) {
  useBreadcrumbTitle(title);
  return null;
}
