import { SaxesParser } from 'saxes';
import { classifyString } from '../detect/personalData';
import { fail, InspectionFailure } from '../limits';
import { localName } from '../xml/xmlTree';
import type { ZipEntry, ZipPackage } from '../zip/zipPackage';

const MAX_STRING = 32 * 1024;

/**
 * Streams xl/sharedStrings.xml and keeps one byte per string: what it looks like (email, IBAN,
 * a "phone" header…). The strings themselves are dropped as soon as they are classified.
 */
export async function classifySharedStrings(zip: ZipPackage, entry: ZipEntry): Promise<Uint8Array> {
  let kinds = new Uint8Array(1024);
  let count = 0;
  let current = '';
  let inText = false;
  let phoneticDepth = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => fail('xml_entities', `The part ${entry.name} declares its own XML entities (a document type), which Office never writes; Fieldbook did not expand them.`));
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') phoneticDepth++;
    else if (name === 't' && phoneticDepth === 0 && !tag.isSelfClosing) inText = true;
  });
  parser.on('text', (text) => {
    if (inText && current.length < MAX_STRING) current += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phoneticDepth = Math.max(0, phoneticDepth - 1);
    else if (name === 'si') {
      if (count === kinds.length) {
        const bigger = new Uint8Array(kinds.length * 2);
        bigger.set(kinds);
        kinds = bigger;
      }
      kinds[count++] = classifyString(current);
      current = '';
    }
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of zip.stream(entry)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode()).close();
  } catch (error) {
    if (error instanceof InspectionFailure) throw error;
    fail('corrupt', `The part ${entry.name} is not well-formed XML (${(error as Error).message.split('\n')[0]}).`);
  }
  return kinds.subarray(0, count);
}
