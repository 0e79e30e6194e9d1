'use client';

import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { ApiError } from '@/components/api/api-error';
import { useCommentOnPost } from '@/components/api/use-comment-on-post';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Textarea } from '@/components/ui/textarea';
import { socialErrorMessage } from './social-error-message';
import { COMMENT_MAX } from '@/server/social/domain/limits';

/**
 * Comment on a post; the post page refetches with the returned token and shows it. Success is
 * confirmed by a toast; a failure keeps the text and offers Retry in place.
 */
export function CommentForm({ postId }: { postId: string }) {
  const comment = useCommentOnPost();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failed, setFailed] = useState<{ text: string; message: string } | null>(null);

  const over = text.length - COMMENT_MAX;
  const textError = error ?? (over > 0 ? `${over} ${over === 1 ? 'character' : 'characters'} too many.` : undefined);

  const send = async (body: string) => {
    setFailed(null);
    try {
      await comment.submit({ postId, text: body });
      setText('');
      toast.success('Your comment was added.');
    } catch (e) {
      const fieldError = e instanceof ApiError ? e.fieldErrors().text : undefined;
      if (fieldError) setError(fieldError);
      else setFailed({ text: body, message: socialErrorMessage(e) });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    const found = !body ? 'Write a comment first.' : body.length > COMMENT_MAX ? `Keep it to ${COMMENT_MAX} characters.` : undefined;
    setError(found);
    if (!found) void send(body);
  };

  return (
    <form className="flex flex-col gap-2" onSubmit={submit} noValidate>
      <label htmlFor="field-comment" className="font-medium text-sm">
        Comment
      </label>
      <Textarea
        id="field-comment"
        name="comment"
        rows={2}
        placeholder="Write a comment…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
        aria-invalid={textError ? true : undefined}
        aria-describedby={textError ? 'field-comment-error field-comment-hint' : 'field-comment-hint'}
        required
      />
      {textError ? (
        <p id="field-comment-error" className="text-destructive text-sm">
          {textError}
        </p>
      ) : null}
      {failed ? (
        <Alert title="Your comment could not be added">
          <p>{failed.message}</p>
          <Button type="button" size="sm" variant="outline" loading={comment.isPending} onClick={() => void send(failed.text)}>
            Retry
          </Button>
        </Alert>
      ) : null}
      <div className="flex items-center justify-between gap-2">
        <span id="field-comment-hint" className={cn('text-muted-foreground text-xs tabular-nums', over > 0 && 'text-destructive')}>
          {text.length} / {COMMENT_MAX}
          <span className="sr-only"> characters</span>
        </span>
        <Button type="submit" loading={comment.isPending} disabled={over > 0}>
          Add comment
        </Button>
      </div>
    </form>
  );
}
