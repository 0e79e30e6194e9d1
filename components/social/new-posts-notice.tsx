import { Button } from '@/components/ui/button';

/**
 * Shown only while the top of the feed is scrolled out of view: new posts are already
 * inserted there (scroll anchoring keeps what you are reading in place), this says so
 * and takes you up.
 */
export function NewPostsNotice({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <div className="new-posts-notice">
      <Button variant="primary" className="btn-pill" onClick={onShow}>
        <span aria-hidden="true">↑</span> {count} new {count === 1 ? 'post' : 'posts'}
      </Button>
    </div>
  );
}
