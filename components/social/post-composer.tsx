'use client';

import { SendHorizontal } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { toast } from 'sonner';
import { ApiError } from '@/components/api/api-error';
import type { CreatePostInput } from '@/components/api/social-types';
import { useCreatePost } from '@/components/api/use-create-post';
import { useCurrentUser } from '@/components/shell/use-current-user';
import { Alert } from '@/components/ui/alert';
import { InitialsAvatar } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { parseTags } from './parse-tags';
import { postHref, profileHref } from './profile-href';
import { socialErrorMessage } from './social-error-message';
import { POST_MAX } from '@/server/social/domain/limits';

type Errors = { text?: string; tags?: string };

/** "tags.3" -> "tags": the server names the array element, the form has one field. */
function serverFieldErrors(error: unknown): Errors {
  if (!(error instanceof ApiError)) return {};
  const errors: Errors = {};
  for (const { path, message } of error.fieldProblems) {
    const field = path.split('.')[0];
    if ((field === 'text' || field === 'tags') && !errors[field]) errors[field] = message;
  }
  return errors;
}

/**
 * Write a post. Collapsed it is one line ("Share something…") so the feed starts near the top of
 * a phone; focusing it opens the tags, the character count and Post. Publishing is confirmed by a
 * toast with a link to the post; a failure keeps the text and offers Retry in place.
 */
export function PostComposer() {
  const router = useRouter();
  const { user } = useCurrentUser();
  const create = useCreatePost();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [text, setText] = useState('');
  const [tagsInput, setTagsInput] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState<{ body: CreatePostInput; message: string } | null>(null);

  const over = text.length - POST_MAX;
  const textError = errors.text ?? (over > 0 ? `${over} ${over === 1 ? 'character' : 'characters'} too many.` : undefined);
  const open = expanded || text.length > 0 || tagsInput.length > 0 || Boolean(failed);

  const publish = async (body: CreatePostInput) => {
    setFailed(null);
    try {
      const { postId } = await create.submit(body);
      setText('');
      setTagsInput('');
      setExpanded(false);
      toast.success('Your post is published.', { action: { label: 'View', onClick: () => router.push(postHref(postId)) } });
    } catch (error) {
      const fields = serverFieldErrors(error);
      setErrors(fields);
      if (!fields.text && !fields.tags) setFailed({ body, message: socialErrorMessage(error) });
    }
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const found: Errors = {};
    const body = text.trim();
    if (!body) found.text = 'Write something first.';
    else if (body.length > POST_MAX) found.text = `Keep it to ${POST_MAX} characters.`;
    const { tags, error: tagsError } = parseTags(tagsInput);
    if (tagsError) found.tags = tagsError;
    setErrors(found);
    if (found.text || found.tags) {
      textRef.current?.focus();
      return;
    }
    void publish({ text: body, tags: tags.length > 0 ? tags : undefined });
  };

  const cancel = () => {
    setText('');
    setTagsInput('');
    setErrors({});
    setFailed(null);
    setExpanded(false);
    textRef.current?.blur();
  };

  // Ctrl/⌘+Enter posts, as in most editors; Escape on an empty composer closes it.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit();
    if (event.key === 'Escape' && !text) cancel();
  };

  return (
    <form
      className="flex gap-3 rounded-xl border bg-card p-3 text-card-foreground shadow-xs sm:p-4"
      onSubmit={submit}
      noValidate
      aria-label="Write a post"
      onBlur={(e) => {
        // Leaving an empty composer folds it back to one line.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null) && !text && !tagsInput && !failed) setExpanded(false);
      }}
    >
      {user ? (
        <Link href={profileHref(user.id)} className="hidden shrink-0 sm:block" aria-label={`Your profile: ${user.name}`}>
          <InitialsAvatar name={user.name} className="size-9" />
        </Link>
      ) : null}
      <div className="flex min-w-0 flex-1 flex-col gap-3">
        <div className="flex items-start gap-2">
          <label htmlFor="field-text" className="sr-only">
            New post
          </label>
          <Textarea
            ref={textRef}
            id="field-text"
            name="text"
            rows={open ? 3 : 1}
            placeholder={open ? 'Share something with your followers…' : 'Write a post…'}
            value={text}
            onFocus={() => setExpanded(true)}
            onKeyDown={onKeyDown}
            onChange={(e) => {
              setText(e.target.value);
              setErrors((errs) => ({ ...errs, text: undefined }));
            }}
            aria-invalid={textError ? true : undefined}
            aria-describedby={textError ? 'field-text-error field-text-hint' : open ? 'field-text-hint' : undefined}
            required
            className={cn('resize-none transition-[min-height]', open ? 'min-h-24' : 'field-sizing-fixed h-9 min-h-9 overflow-hidden whitespace-nowrap')}
          />
          {open ? null : (
            <Button type="button" variant="secondary" className="shrink-0" onClick={() => textRef.current?.focus()}>
              Write
            </Button>
          )}
        </div>
        {textError ? (
          <p id="field-text-error" className="-mt-1 text-destructive text-sm">
            {textError}
          </p>
        ) : null}
        {open ? (
          <>
            <Field
              name="tags"
              label="Tags"
              optional
              hint="Comma or space separated, e.g. cqrs, nextjs"
              value={tagsInput}
              onChange={(e) => {
                setTagsInput(e.target.value);
                setErrors((errs) => ({ ...errs, tags: undefined }));
              }}
              error={errors.tags}
              autoComplete="off"
              maxLength={400}
            />
            <div id="composer-status">
              {failed ? (
                <Alert title="Your post could not be published">
                  <p>{failed.message}</p>
                  <Button type="button" size="sm" variant="outline" loading={create.isPending} onClick={() => void publish(failed.body)}>
                    Retry
                  </Button>
                </Alert>
              ) : null}
            </div>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span id="field-text-hint" className={cn('text-muted-foreground text-xs tabular-nums', over > 0 && 'text-destructive')}>
                {text.length} / {POST_MAX}
                <span className="sr-only"> characters</span>
              </span>
              <div className="flex gap-2">
                <Button type="button" variant="ghost" onClick={cancel}>
                  Cancel
                </Button>
                <Button type="submit" loading={create.isPending} disabled={over > 0}>
                  {create.isPending ? null : <SendHorizontal aria-hidden="true" />}
                  Post
                </Button>
              </div>
            </div>
          </>
        ) : null}
      </div>
    </form>
  );
}
