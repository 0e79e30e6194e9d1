import { defineErrors, type ErrorCodeOf } from '@/server/cqrs/errors';
import { COMMENT_MAX, POST_MAX, TAGS_MAX } from './limits';

/** Every refusal of the social context; commands document the codes their decider can raise. */
export const socialErrors = defineErrors({
  'not-found': { status: 404, when: 'no such user or post' },
  'cannot-follow-self': { status: 409, when: 'the user is the caller' },
  'invalid-post': { status: 409, when: `the text is empty or over ${POST_MAX} characters after trimming` },
  'too-many-tags': { status: 409, when: `more than ${TAGS_MAX} distinct tags` },
  'invalid-comment': { status: 409, when: `the comment is empty or over ${COMMENT_MAX} characters after trimming` },
});

export type SocialErrorCode = ErrorCodeOf<typeof socialErrors>;
