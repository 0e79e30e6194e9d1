'use client';

import { useState, type FormEvent } from 'react';
import { ApiError } from '@/components/api/api-error';
import { useCommentOnPost } from '@/components/api/use-comment-on-post';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField } from '@/components/ui/text-area-field';
import { socialErrorMessage } from './social-error-message';
import { COMMENT_MAX } from '@/server/social/domain/limits';

/** Comment on a post; the post page refetches with the returned token and shows it. */
export function CommentForm({ postId }: { postId: string }) {
  const comment = useCommentOnPost();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const over = text.length - COMMENT_MAX;
  const serverTextError = comment.error instanceof ApiError ? comment.error.fieldErrors().text : undefined;
  const textError = error ?? (over > 0 ? `${over} ${over === 1 ? 'character' : 'characters'} too many.` : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const body = text.trim();
    const found = !body ? 'Write a comment first.' : body.length > COMMENT_MAX ? `Keep it to ${COMMENT_MAX} characters.` : undefined;
    setError(found);
    if (found) return;
    try {
      await comment.submit({ postId, text: body });
      setText('');
      setNotice('Your comment was added.');
    } catch (e) {
      if (e instanceof ApiError) setError(e.fieldErrors().text);
    }
  };

  return (
    <form className="form comment-form" onSubmit={submit} noValidate aria-describedby="comment-status">
      <div id="comment-status">
        {comment.error && !serverTextError ? <Alert title="Your comment could not be added">{socialErrorMessage(comment.error)}</Alert> : null}
      </div>
      <TextAreaField
        name="comment"
        label="Comment"
        rows={3}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(undefined);
        }}
        hint={`${text.length} / ${COMMENT_MAX} characters`}
        error={textError}
        required
      />
      <div className="form-actions">
        <Button type="submit" loading={comment.isPending} disabled={over > 0}>
          Add comment
        </Button>
        <span aria-live="polite">{notice ? <span className="notice notice-success">{notice}</span> : null}</span>
      </div>
    </form>
  );
}
