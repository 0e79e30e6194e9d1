'use client';

import Link from 'next/link';
import { useCurrentUser } from './use-current-user';
import { NavLink } from './nav-link';
import { SignOutButton } from './sign-out-button';

/** Top bar: brand, navigation by role, the signed-in user and sign-out. */
export function AppHeader() {
  const { user } = useCurrentUser();
  const isOrganizer = user?.roles.includes('organizer') ?? false;

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href="/events" className="brand" aria-label="Quadrant home">
          <span className="brand-mark" aria-hidden="true" />
          Quadrant
        </Link>
        <nav aria-label="Main" className="main-nav">
          <NavLink href="/events">Events</NavLink>
          <NavLink href="/my/registrations">My registrations</NavLink>
          {/* exact: /social/people is its own entry, not part of the feed. */}
          <NavLink href="/social" exact>
            Feed
          </NavLink>
          <NavLink href="/social/people">People</NavLink>
          {isOrganizer ? <NavLink href="/organizer">Organizer</NavLink> : null}
          <NavLink href="/ops">Ops</NavLink>
          <a className="nav-link" href="/api-docs">
            API
          </a>
        </nav>
        {user ? (
          <div className="user-menu">
            <span className="user-name" title={user.email}>
              {user.name}
            </span>
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </header>
  );
}
