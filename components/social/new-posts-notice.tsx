import { ArrowUp } from 'lucide-react';
import { Button } from '@/components/ui/button';

/**
 * Shown only while the top of the feed is scrolled out of view: new posts are already
 * inserted there (scroll anchoring keeps what you are reading in place), this says so
 * and takes you up. It floats below the top bar, centred over the list.
 */
export function NewPostsNotice({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <div className="pointer-events-none sticky top-16 z-20 flex justify-center">
      <Button className="pointer-events-auto rounded-full shadow-lg" onClick={onShow}>
        <ArrowUp aria-hidden="true" /> {count} new {count === 1 ? 'post' : 'posts'}
      </Button>
    </div>
  );
}
