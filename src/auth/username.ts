/**
 * The form usernames are compared in: NFKC folds full-width and other compatibility forms to their plain
 * letters, then lower case, so "Registrar", "registrar" and "ｒｅｇｉｓｔｒａｒ" are one name. Unique in the
 * database and used for login and its throttle.
 */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
