'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment } from 'react';
import { Breadcrumb, BreadcrumbItem, BreadcrumbLink, BreadcrumbList, BreadcrumbPage, BreadcrumbSeparator } from '@/components/ui/breadcrumb';
import { breadcrumbTrail } from './breadcrumb-trail';
import { useBreadcrumbTitleValue } from './breadcrumb-title';

/** Where you are, from the path; on phones only the current page shows. */
export function AppBreadcrumbs() {
  const pathname = usePathname() ?? '/';
  const title = useBreadcrumbTitleValue();
  const crumbs = breadcrumbTrail(pathname, title);
  if (crumbs.length === 0) return null;
  return (
    <Breadcrumb className="min-w-0">
      <BreadcrumbList className="flex-nowrap">
        {crumbs.map((crumb, index) => {
          const last = index === crumbs.length - 1;
          return (
            <Fragment key={crumb.href ?? `page-${crumb.label}`}>
              <BreadcrumbItem className={last ? 'min-w-0' : 'hidden shrink-0 sm:inline-flex'}>
                {crumb.href && !last ? (
                  <BreadcrumbLink asChild>
                    <Link href={crumb.href}>{crumb.label}</Link>
                  </BreadcrumbLink>
                ) : (
                  <BreadcrumbPage className="max-w-[40ch]">{crumb.label}</BreadcrumbPage>
                )}
              </BreadcrumbItem>
              {last ? null : <BreadcrumbSeparator className="hidden sm:block" />}
            </Fragment>
          );
        })}
      </BreadcrumbList>
    </Breadcrumb>
  );
}
