import bcrypt from 'bcryptjs';

// Cost 10 is ~60 ms per check here: slow for an attacker's guesses, fine for a sign-in.
const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** A real hash of nothing, compared when the email is unknown so timing does not reveal it. */
export const DUMMY_HASH = bcrypt.hashSync('quadrant-no-such-user', COST);
