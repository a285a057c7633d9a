/**
 * The one rule for a phone number, wherever one is typed, imported or dialled: in a playbook
 * file, on a role assignment and in the form that records it. It is as loose as numbers are
 * written in practice — an optional leading "+", then digits with spaces, "-", ".", "/" or
 * brackets between them ("119", "17", "+86 316 123 4567", "(0316) 1234-5678", "0316/1234567")
 * — and it still refuses junk: letters, a single digit, a "+" anywhere but first, a start
 * other than "+", "(" or a digit, and anything over 30 characters. Extensions in words
 * ("转 801", "ext. 801") are refused: a phone cannot dial them, so they belong in a note. The
 * pattern checks the characters and the length limit is separate, so each mistake gets its
 * own message.
 * The brackets, slash, dot and dash are escaped even inside the character classes (hence a
 * string rather than a literal, which lint would call needlessly escaped), so the same source
 * also compiles as an HTML `pattern` attribute, which browsers read in the stricter `v` mode.
 */
export const PHONE_PATTERN = new RegExp(String.raw`^\+?\(?\d[ \(\)\.\/\-]*\d[\d \(\)\.\/\-]*$`);

export const PHONE_MAX_LENGTH = 30;

export function isPhoneNumber(text: string): boolean {
  return text.length <= PHONE_MAX_LENGTH && PHONE_PATTERN.test(text);
}

/** The `tel:` link for a number: its digits and a leading "+", which every dialler understands. */
export function telHref(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `tel:${number.trimStart().startsWith('+') ? '+' : ''}${digits}`;
}
