'use client';

import { CalendarDays, Search, UserRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useUpcomingEvents } from '@/components/api/use-upcoming-events';
import { usePeople } from '@/components/api/use-people';
import { Button } from '@/components/ui/button';
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList, CommandLoading } from '@/components/ui/command';
import type { ResolvedNavArea } from './nav-areas';
import { useDebouncedValue } from './use-debounced-value';

/** Opens the palette from the top bar, and on ⌘K / Ctrl+K anywhere. */
export function CommandPaletteButton({ areas }: { areas: ResolvedNavArea[] }) {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey) && !event.altKey) {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <Button
        variant="outline"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Meta+K Control+K"
        className="h-9 w-9 justify-start gap-2 px-2 text-muted-foreground sm:w-56 sm:px-3 md:w-64"
      >
        <Search aria-hidden="true" />
        <span className="sr-only sm:not-sr-only">Search…</span>
        <kbd className="pointer-events-none ml-auto hidden select-none items-center gap-0.5 rounded border bg-muted px-1.5 font-mono text-[0.6875rem] sm:inline-flex">
          <span aria-hidden="true">⌘</span>K
        </kbd>
      </Button>
      {open ? <CommandPalette areas={areas} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}

/** Jump to a page of the navigation, an upcoming event or a person, by name. */
function CommandPalette({ areas, open, onOpenChange }: { areas: ResolvedNavArea[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const term = useDebouncedValue(query.trim(), 250);

  const go = (href: string, external = false) => {
    onOpenChange(false);
    if (external) window.location.assign(href);
    else router.push(href);
  };

  return (
    <CommandDialog open={open} onOpenChange={onOpenChange} title="Search" description="Go to a page, an event or a person.">
      <CommandInput placeholder="Search pages, events, people…" value={query} onValueChange={setQuery} aria-label="Search pages, events and people" />
      <CommandList>
        <CommandEmpty>{term ? `Nothing matches “${term}”.` : 'Type to search.'}</CommandEmpty>
        {areas.map((area) => (
          <CommandGroup key={area.title} heading={area.title}>
            {area.items.map((item) => {
              const Icon = item.icon;
              return (
                <CommandItem
                  key={item.href}
                  value={`page ${item.href}`}
                  keywords={[item.title, area.title, ...(item.keywords ?? [])]}
                  onSelect={() => go(item.href, item.external)}
                >
                  <Icon aria-hidden="true" />
                  {item.title}
                </CommandItem>
              );
            })}
          </CommandGroup>
        ))}
        {term ? <EntityResults term={term} go={go} /> : null}
      </CommandList>
    </CommandDialog>
  );
}

/** Mounted only with a search term, so the queries never run for an empty one. */
function EntityResults({ term, go }: { term: string; go: (href: string) => void }) {
  const events = useUpcomingEvents(term);
  const people = usePeople(term.slice(0, 50));
  const eventItems = (events.data?.pages ?? []).flatMap((page) => page.value.items).slice(0, 6);
  const personItems = (people.data?.value.items ?? []).slice(0, 6);
  return (
    <>
      {events.isPending || people.isPending ? <CommandLoading>Searching…</CommandLoading> : null}
      {eventItems.length > 0 ? (
        <CommandGroup heading="Upcoming events">
          {eventItems.map((event) => (
            // The term is in the keywords: the server already matched these, cmdk must not hide them.
            <CommandItem
              key={event.eventId}
              value={`event ${event.eventId}`}
              keywords={[event.title, term]}
              onSelect={() => go(`/events/${encodeURIComponent(event.eventId)}`)}
            >
              <CalendarDays aria-hidden="true" />
              <span className="truncate">{event.title}</span>
            </CommandItem>
          ))}
        </CommandGroup>
      ) : null}
      {personItems.length > 0 ? (
        <CommandGroup heading="Members">
          {personItems.map((person) => (
            <CommandItem
              key={person.userId}
              value={`person ${person.userId}`}
              keywords={[person.name, term]}
              onSelect={() => go(`/social/users/${encodeURIComponent(person.userId)}`)}
            >
              <UserRound aria-hidden="true" />
              <span className="truncate">{person.name}</span>
            </CommandItem>
          ))}
        </CommandGroup>
      ) : null}
    </>
  );
}
