'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { activeHref, type ResolvedNavArea } from './nav-areas';

const itemClass =
  'flex h-9 min-w-0 items-center gap-2.5 rounded-md px-2.5 font-medium text-sidebar-foreground text-sm no-underline outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/60 aria-[current=page]:bg-sidebar-accent aria-[current=page]:text-sidebar-accent-foreground [&>svg]:size-4 [&>svg]:shrink-0 [&>svg]:text-muted-foreground aria-[current=page]:[&>svg]:text-sidebar-primary';

/** The main navigation, grouped by area; used in the desktop sidebar and in the phone sheet. */
export function SidebarNav({ areas, onNavigate }: { areas: ResolvedNavArea[]; onNavigate?: () => void }) {
  const pathname = usePathname() ?? '';
  const current = activeHref(pathname, areas);
  return (
    <nav aria-label="Main" className="flex flex-col gap-5 px-3 py-4">
      {areas.map((area) => (
        <div key={area.title} className="flex flex-col gap-1">
          <h2 id={`nav-area-${area.title.toLowerCase()}`} className="px-2.5 pb-1 font-medium text-muted-foreground text-xs uppercase tracking-wider">
            {area.title}
          </h2>
          <ul aria-labelledby={`nav-area-${area.title.toLowerCase()}`} className="flex flex-col gap-0.5">
            {area.items.map((item) => {
              const Icon = item.icon;
              const ariaCurrent = item.href === current ? ('page' as const) : undefined;
              return (
                <li key={item.href}>
                  {item.external ? (
                    <a href={item.href} className={itemClass} aria-current={ariaCurrent} onClick={onNavigate}>
                      <Icon aria-hidden="true" />
                      <span className="truncate">{item.title}</span>
                    </a>
                  ) : (
                    <Link href={item.href} className={itemClass} aria-current={ariaCurrent} onClick={onNavigate}>
                      <Icon aria-hidden="true" />
                      <span className="truncate">{item.title}</span>
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
