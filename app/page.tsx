import { redirect } from 'next/navigation';

// The product starts at the upcoming events.
export default function Home() {
  redirect('/events');
}
