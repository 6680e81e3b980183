import { SaxesParser } from 'saxes';
import { fail } from '../limits';

/** A small element tree for the small parts of a package (workbook, relationships, properties). */
export interface XmlElement {
  /** Local name, prefix removed (Strict and Transitional OOXML use different namespaces, same names). */
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Bytes of an XML part as text: UTF-8 unless a byte-order mark says UTF-16. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Refuses document type declarations: Office never writes them, and they are how entity bombs
 * and external entities (XXE) get in. saxes would not expand them either; this says so clearly.
 */
export function refuseDoctype(text: string, part: string): void {
  const head = text.slice(0, 4096);
  if (/<!DOCTYPE/i.test(head) || /<!ENTITY/i.test(head)) {
    fail('xml_entities', `The part ${part} declares its own XML entities (a document type), which Office never writes; Fieldbook did not expand them.`);
  }
}

/** Streams events for one XML text; names and attribute names without prefixes. */
export function parseXmlEvents(text: string, part: string, handlers: XmlHandlers, maxTextChars: number): void {
  refuseDoctype(text, part);
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const [key, value] of Object.entries(tag.attributes)) {
      const name = key.startsWith('xmlns') ? key : localName(key);
      attrs[name] = value.length > maxTextChars ? value.slice(0, maxTextChars) : value;
    }
    handlers.open(localName(tag.name), attrs);
    if (tag.isSelfClosing) handlers.close?.(localName(tag.name));
  });
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => {
      if (!tag.isSelfClosing) close(localName(tag.name));
    });
  }
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (value) => onText(value.length > maxTextChars ? value.slice(0, maxTextChars) : value));
    parser.on('cdata', (value) => onText(value.length > maxTextChars ? value.slice(0, maxTextChars) : value));
  }
  try {
    parser.write(text).close();
  } catch (error) {
    fail('corrupt', `The part ${part} is not well-formed XML (${(error as Error).message.split('\n')[0]}).`);
  }
}

/** Parses a small XML text into a tree, refusing more than `maxElements` elements. */
export function parseXmlTree(text: string, part: string, maxTextChars: number, maxElements = 500_000): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let count = 0;
  parseXmlEvents(
    text,
    part,
    {
      open(name, attrs) {
        if (++count > maxElements) fail('too_large', `The part ${part} has more than ${maxElements} elements.`);
        const element: XmlElement = { name, attrs, children: [], text: '' };
        stack[stack.length - 1]!.children.push(element);
        stack.push(element);
      },
      close() {
        stack.pop();
      },
      text(value) {
        const current = stack[stack.length - 1]!;
        if (current.text.length < maxTextChars) current.text += value;
      },
    },
    maxTextChars,
  );
  return root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** Depth-first search for every element with this local name. */
export function descendants(element: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (c.name === name) found.push(c);
    descendants(c, name, found);
  }
  return found;
}
