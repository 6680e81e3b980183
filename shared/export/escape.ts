/**
 * Escaping for every export format. Entry names and every other field are user input:
 * nothing typed by a person reaches a file without passing through one of these.
 */

// Characters XML 1.0 does not allow at all (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/F).
// Matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[&<>"']/g;
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// A quick test for text that needs any work at all: most text is plain, and this keeps exports fast.
// eslint-disable-next-line no-control-regex
const XML_NEEDS_WORK = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text for HTML, SVG and SpreadsheetML: special characters escaped, characters XML forbids dropped. */
export function escapeXml(text: string): string {
  if (!XML_NEEDS_WORK.test(text)) return text;
  return text.replace(XML_ILLEGAL, '').replace(XML_SPECIAL, (char) => XML_ENTITIES[char]!);
}

// CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones that mean something
// inline. Parentheses need none: with every bracket escaped, no link can form.
const MARKDOWN_INLINE = /[\\`*_{}[\]<>#!|~&]/g;
// At the start of a line these begin a heading, list, quote, rule, table or setext underline.
const MARKDOWN_LIST_MARK = /^(\s*)([-+=])/;
const MARKDOWN_ORDERED_MARK = /^(\s*\d+)([.)])/;

// eslint-disable-next-line no-control-regex
const MARKDOWN_NEEDS_WORK = /[\\`*_{}[\]<>#!|~&\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|[^\S ]|^[-+=\d ]| $| {2}/;

/** One line of user text for Markdown: shown literally, never as formatting, links or HTML. */
export function escapeMarkdown(text: string): string {
  // Plain words with single spaces need nothing.
  if (!MARKDOWN_NEEDS_WORK.test(text)) return text;
  return text
    .replace(XML_ILLEGAL, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(MARKDOWN_INLINE, (char) => `\\${char}`)
    .replace(MARKDOWN_LIST_MARK, '$1\\$2')
    .replace(MARKDOWN_ORDERED_MARK, '$1\\$2');
}

/**
 * Several paragraphs of user text for Markdown: each line escaped, blank lines kept as paragraph
 * breaks and single line breaks kept as hard breaks. `indent` keeps the text inside a list item.
 */
export function escapeMarkdownParagraphs(text: string, indent = ''): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeMarkdown(line))
        .filter((line) => line.length > 0)
        .join(`\\\n${indent}`),
    )
    .filter((paragraph) => paragraph.length > 0)
    .join(`\n\n${indent}`);
}

/**
 * A node label for Mermaid. Everything but letters, digits, spaces and a little plain punctuation
 * becomes a Mermaid entity code (`#60;`), so a name can neither close the label, nor inject
 * Mermaid syntax or HTML, nor end the ```mermaid fence around it.
 */
export function escapeMermaid(text: string): string {
  let out = '';
  for (const char of text.replace(XML_ILLEGAL, '').replace(/\s+/g, ' ').trim()) {
    out += /[\p{L}\p{N} .,_-]/u.test(char) ? char : `#${char.codePointAt(0)};`;
  }
  return out;
}

/** Shortens text for a diagram label, keeping whole characters (not half a surrogate pair). */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

// Names Windows will not accept as a file name, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A file name (without extension) made from user text that is safe on Windows, macOS and Linux:
 * lower-case letters, digits and dashes only, never empty, never reserved, at most 60 characters.
 */
export function safeFileStem(text: string, fallback = 'entry'): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  if (stem.length === 0) return fallback;
  return WINDOWS_RESERVED.test(stem) ? `${stem}-${fallback}` : stem;
}

/** Gives each text a distinct safe stem: "budget", "budget-2", … (case-insensitive file systems too). */
export function uniqueStems(texts: readonly string[], reserved: readonly string[] = []): string[] {
  const used = new Set(reserved.map((name) => name.toLowerCase()));
  return texts.map((text) => {
    const base = safeFileStem(text);
    let stem = base;
    for (let n = 2; used.has(stem); n++) stem = `${base}-${n}`;
    used.add(stem);
    return stem;
  });
}
