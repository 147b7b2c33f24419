// @ts-check
// The request as a fetch() call (the curl command is the CLI's, cli/shell.mjs), the body with its
// secrets as placeholders, and a copy helper that also leaves the copied text on the page
// (data-last-copied) so it can be checked without clipboard permissions.

/**
 * The body to put in a snippet: secrets replaced by placeholders such as `<password>` unless
 * `includeSecrets`. `redacted` is the library's redaction of `body` (secrets as "[REDACTED]").
 */
export function snippetBody(body, redacted, includeSecrets) {
  if (!body || includeSecrets) return body;
  const out = {};
  for (const [key, value] of Object.entries(body)) {
    // A masked secret becomes a placeholder; anything else takes the redacted copy's value, which
    // equals the body's except for credentials inside URLs and nested secrets.
    const masked = redacted?.[key];
    out[key] = masked === '[REDACTED]' ? `<${key}>` : masked === undefined ? value : masked;
  }
  return out;
}

/** The same request as a fetch() call (browser or Node 18+). */
export function toFetch(request, { body, auth, baseVariable }) {
  const lines = [];
  if (!request.url) lines.push(`const ${baseVariable} = "https://…"; // your base URL`);
  lines.push(`const ${auth.variable} = "<${auth.variable}>"; // ${auth.description}`);
  const url = request.url
    ? JSON.stringify(request.url)
    : `\`\${${baseVariable}}${request.path.replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
  lines.push(`const response = await fetch(${url}, {`);
  lines.push(`  method: ${JSON.stringify(request.method)},`);
  lines.push('  headers: {');
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    lines.push(`    ${JSON.stringify(name)}: ${JSON.stringify(value)},`);
  }
  lines.push(`    "Authorization": \`${auth.scheme} \${${auth.variable}}\`,`);
  lines.push('  },');
  if (body !== undefined) {
    const json = JSON.stringify(body, null, 2).replaceAll('\n', '\n  ');
    lines.push(`  body: JSON.stringify(${json}),`);
  }
  lines.push('});');
  lines.push('console.log(response.status, await response.text());');
  return lines.join('\n');
}

/**
 * Copies text to the clipboard (falling back to a hidden textarea and execCommand) and records it
 * on `holder.dataset.lastCopied`. Resolves to true when the clipboard took it.
 */
export async function copyText(text, holder) {
  holder.dataset.lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const previous = /** @type {HTMLElement | null} */ (document.activeElement);
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    previous?.focus?.();
    return ok;
  }
}

/**
 * A body with secrets as placeholders (as snippetBody), and what each placeholder stands for, by
 * key, so that restoreSecrets can put the values back.
 * @returns {{ masked: Record<string, unknown>, held: Record<string, { masked: unknown, value: unknown }> }}
 */
export function maskSecrets(body, redacted) {
  const masked = snippetBody(body, redacted, false);
  const held = {};
  for (const [key, value] of Object.entries(body)) {
    if (JSON.stringify(masked[key]) !== JSON.stringify(value)) held[key] = { masked: masked[key], value };
  }
  return { masked, held };
}

/** A body with every placeholder that is still as maskSecrets left it replaced by its value. */
export function restoreSecrets(body, held) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...body };
  for (const [key, { masked, value }] of Object.entries(held)) {
    if (JSON.stringify(out[key]) === JSON.stringify(masked)) out[key] = value;
  }
  return out;
}
