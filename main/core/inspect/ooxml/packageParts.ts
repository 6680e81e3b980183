import { posix } from 'node:path';
import { InspectionFailure, type InspectionLimits } from '../limits';
import { decodeXml, parseXmlTree, type XmlElement } from '../xml/xmlTree';
import type { ZipPackage } from '../zip/zipPackage';

export interface Relationship {
  id: string;
  /** Last segment of the relationship type URI: "worksheet", "externalLinkPath", "vbaProject". */
  type: string;
  /** Absolute part name for internal targets; the raw target for external ones. */
  target: string;
  external: boolean;
}

const SMALL_PART = 64 * 1024 * 1024;

/** A package part as an element tree, or null when the part is missing. */
export function readXmlPart(zip: ZipPackage, name: string, limits: InspectionLimits, maxBytes = SMALL_PART): XmlElement | null {
  const entry = zip.find(name);
  if (!entry) return null;
  return parseXmlTree(decodeXml(zip.read(entry, maxBytes)), entry.name, limits.maxTextChars);
}

/** Like readXmlPart, but a damaged optional part becomes a warning instead of failing the file. */
export function readOptionalXmlPart(zip: ZipPackage, name: string, limits: InspectionLimits, warnings: string[], maxBytes = SMALL_PART): XmlElement | null {
  try {
    return readXmlPart(zip, name, limits, maxBytes);
  } catch (error) {
    if (!(error instanceof InspectionFailure)) throw error;
    warnings.push(error.message);
    return null;
  }
}

export function relsPartFor(part: string): string {
  const dir = posix.dirname(part);
  return `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`;
}

/** Reads the relationships of a part ("" for the package itself). */
export function readRelationships(zip: ZipPackage, part: string, limits: InspectionLimits, warnings: string[]): Relationship[] | null {
  const relsName = part === '' ? '_rels/.rels' : relsPartFor(part);
  const tree = readOptionalXmlPart(zip, relsName, limits, warnings, 16 * 1024 * 1024);
  if (!tree) return null;
  const base = part === '' ? '/' : `/${posix.dirname(part)}/`;
  const relationships: Relationship[] = [];
  const root = tree.children.find((c) => c.name === 'Relationships');
  for (const rel of root?.children ?? []) {
    if (rel.name !== 'Relationship') continue;
    const type = (rel.attrs.Type ?? '').split('/').pop() ?? '';
    const rawTarget = rel.attrs.Target ?? '';
    const external = (rel.attrs.TargetMode ?? '').toLowerCase() === 'external';
    let target = rawTarget;
    if (!external) {
      const decoded = safeDecode(rawTarget);
      target = posix.normalize(decoded.startsWith('/') ? decoded : posix.join(base, decoded)).replace(/^\/+/, '');
    }
    relationships.push({ id: rel.attrs.Id ?? '', type, target, external });
  }
  return relationships;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
