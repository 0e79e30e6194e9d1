/** A person's profile page: every author link, "you" link and the user menu spell it the same way. */
export function profileHref(userId: string): string {
  return `/social/users/${encodeURIComponent(userId)}`;
}

/** A post's own page. */
export function postHref(postId: string): string {
  return `/social/posts/${encodeURIComponent(postId)}`;
}
