'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ApiError } from '@/components/api/api-error';
import { useCreatePost } from '@/components/api/use-create-post';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextAreaField } from '@/components/ui/text-area-field';
import { parseTags } from './parse-tags';
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

/** Write a post: text with a live character count, optional tags. */
export function PostComposer() {
  const create = useCreatePost();
  const [text, setText] = useState('');
  const [tagsInput, setTagsInput] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [published, setPublished] = useState<string | null>(null);

  const over = text.length - POST_MAX;
  const textError = errors.text ?? (over > 0 ? `${over} ${over === 1 ? 'character' : 'characters'} too many.` : undefined);
  const serverErrors = serverFieldErrors(create.error);
  const showAlert = create.error && !serverErrors.text && !serverErrors.tags;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPublished(null);
    const found: Errors = {};
    const body = text.trim();
    if (!body) found.text = 'Write something first.';
    else if (body.length > POST_MAX) found.text = `Keep it to ${POST_MAX} characters.`;
    const { tags, error: tagsError } = parseTags(tagsInput);
    if (tagsError) found.tags = tagsError;
    setErrors(found);
    if (found.text || found.tags) return;

    try {
      const { postId } = await create.submit({ text: body, tags: tags.length > 0 ? tags : undefined });
      setText('');
      setTagsInput('');
      setPublished(postId);
    } catch (error) {
      setErrors(serverFieldErrors(error));
    }
  };

  return (
    <form className="form form-card post-composer" onSubmit={submit} noValidate aria-describedby="composer-status">
      <div id="composer-status">{showAlert ? <Alert title="Your post could not be published">{socialErrorMessage(create.error)}</Alert> : null}</div>
      <TextAreaField
        name="text"
        label="New post"
        rows={3}
        placeholder="Share something with your followers"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setErrors((errs) => ({ ...errs, text: undefined }));
        }}
        hint={`${text.length} / ${POST_MAX} characters`}
        error={textError}
        required
      />
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
      <div className="form-actions">
        <Button type="submit" loading={create.isPending} disabled={over > 0}>
          Post
        </Button>
        <span aria-live="polite" className="composer-notice">
          {published ? (
            <span className="notice notice-success">
              Your post is published. <Link href={`/social/posts/${encodeURIComponent(published)}`}>View it</Link>
            </span>
          ) : null}
        </span>
      </div>
    </form>
  );
}
