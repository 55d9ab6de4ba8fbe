const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ParsedEmails {
  valid: string[];
  invalid: string[];
}

/** Addresses pasted from anywhere: one per line, or separated by commas, semicolons or spaces. */
export function parseEmails(text: string): ParsedEmails {
  const seen = new Set<string>();
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    // "Ana Lima <ana@example.com>" as copied from a mail client.
    const address = raw.replace(/^<|>$/g, '').trim();
    if (!address) continue;
    const key = address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    (EMAIL.test(address) ? valid : invalid).push(address);
  }
  return { valid, invalid };
}
