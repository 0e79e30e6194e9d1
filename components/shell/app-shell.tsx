'use client';

import { Menu } from 'lucide-react';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from '@/components/ui/sheet';
import { AppBreadcrumbs } from './app-breadcrumbs';
import { BreadcrumbTitleProvider } from './breadcrumb-title';
import { BrandLink } from './brand';
import { CommandPaletteButton } from './command-palette';
import { navFor } from './nav-areas';
import { SidebarNav } from './sidebar-nav';
import { useCurrentUser } from './use-current-user';
import { UserMenu } from './user-menu';

/**
 * The signed-in frame: a sidebar of the areas this user may use (a sheet behind a menu button
 * below `md`), a top bar with breadcrumbs, search and the user menu, and the page in <main>.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const { user } = useCurrentUser();
  const areas = navFor(user);
  const pathname = usePathname();
  const [sheetOpen, setSheetOpen] = useState(false);

  // A navigation from anywhere (palette, a link in the page) closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each path change on purpose
  useEffect(() => setSheetOpen(false), [pathname]);

  return (
    <BreadcrumbTitleProvider>
      <div className="flex min-h-dvh w-full">
        <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col overflow-y-auto border-sidebar-border border-r bg-sidebar md:flex">
          <div className="flex h-14 shrink-0 items-center px-5">
            <BrandLink />
          </div>
          <SidebarNav areas={areas} />
        </aside>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/75 sm:gap-3 sm:px-4 md:px-6">
            <Sheet open={sheetOpen} onOpenChange={setSheetOpen}>
              <Button variant="ghost" size="icon" className="-ml-1 md:hidden" aria-label="Open navigation" onClick={() => setSheetOpen(true)}>
                <Menu aria-hidden="true" />
              </Button>
              <SheetContent side="left" className="w-72 max-w-[85vw] gap-0 overflow-y-auto bg-sidebar p-0">
                <SheetHeader className="h-14 flex-row items-center px-5 py-0">
                  <SheetTitle className="sr-only">Navigation</SheetTitle>
                  <SheetDescription className="sr-only">Pages you can open</SheetDescription>
                  <BrandLink onNavigate={() => setSheetOpen(false)} />
                </SheetHeader>
                <SidebarNav areas={areas} onNavigate={() => setSheetOpen(false)} />
              </SheetContent>
            </Sheet>
            <div className="min-w-0 flex-1">
              <AppBreadcrumbs />
            </div>
            <CommandPaletteButton areas={areas} />
            {user ? <UserMenu user={user} /> : null}
          </header>

          <main id="main" tabIndex={-1} className="mx-auto flex w-full min-w-0 max-w-6xl flex-1 flex-col gap-6 px-4 py-6 outline-none sm:px-6 md:py-8">
            {children}
          </main>
        </div>
      </div>
    </BreadcrumbTitleProvider>
  );
}
