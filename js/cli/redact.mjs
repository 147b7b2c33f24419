// @ts-check
// The one redaction of printed lines: every string from outside the program (an argument, a
// path, a glob's match, an error quoting one) passes through the library's redactText before it
// is printed, and so do the secrets the user gave, wherever they show up again: a glob's match
// or a joined path is normalised (`https://bob:pw@host/*.json` matches `https:/bob:pw@host/x.json`,
// which no longer reads as a URL), so the secrets found in the arguments, and the values of
// credential-named environment variables, are masked wherever they appear verbatim.

const MASK = '[REDACTED]';
/** Shorter secrets would mask ordinary words of the output; redactText still masks them in place. */
const MIN_SECRET = 3;
const CREDENTIAL_VARIABLE = /TOKEN|SECRET|PASSW|CREDENTIAL|PRIVATE_KEY|API_KEY|(?:^|_)PAT$/i;

/** The substrings `redactText` masked in `text`: it keeps every other character in place, so the
 * pieces around each mask are found in order and the secret is what lies between them. */
function maskedParts(text, redacted) {
  const pieces = redacted.split(MASK);
  const parts = [];
  let at = pieces[0].length;
  for (let i = 1; i < pieces.length; i += 1) {
    const last = i === pieces.length - 1;
    const next = last ? text.length - pieces[i].length : text.indexOf(pieces[i], at + 1);
    if (next <= at) break;
    parts.push(text.slice(at, next));
    at = next + pieces[i].length;
  }
  return parts;
}

/** `shown(text)`: `text` with every secret masked, for a run given `argv` and `env`. */
export function redactor(redactText, argv, env) {
  const secrets = new Set();
  for (const arg of argv) for (const part of maskedParts(arg, redactText(arg))) secrets.add(part);
  for (const [name, value] of Object.entries(env)) if (CREDENTIAL_VARIABLE.test(name) && value) secrets.add(value);
  // Longest first, so a secret that contains another is masked whole.
  const known = [...secrets].filter((s) => s.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
  return (text) => known.reduce((out, secret) => out.replaceAll(secret, MASK), redactText(String(text)));
}
