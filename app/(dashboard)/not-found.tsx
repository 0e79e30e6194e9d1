import { NotFoundPanel } from '@/components/shell/not-found-panel';

// notFound() from a dashboard page: the layout's shell is already around it.
export default function DashboardNotFound() {
  return <NotFoundPanel signedIn />;
}
