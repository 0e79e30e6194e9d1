/** Limits of posts and comments, shared by the deciders and the HTTP contract. */
export const POST_MAX = 1000;
export const COMMENT_MAX = 500;
export const TAGS_MAX = 10;
export const TAG_MAX = 30;
