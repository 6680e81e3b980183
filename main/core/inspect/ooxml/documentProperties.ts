import type { InspectionLimits } from '../limits';
import type { InspectionResult } from '../../../../shared/inspection';
import { children, descendants, type XmlElement } from '../xml/xmlTree';
import type { ZipPackage } from '../zip/zipPackage';
import { readOptionalXmlPart, type Relationship } from './packageParts';

type Properties = InspectionResult['properties'];

function value(root: XmlElement | null, name: string): string | null {
  if (!root) return null;
  const found = descendants(root, name)[0];
  const text = found?.text.trim();
  return text ? text : null;
}

/** docProps/core.xml and app.xml: who wrote it, when, and with what. */
export function readDocumentProperties(zip: ZipPackage, packageRels: Relationship[], limits: InspectionLimits, warnings: string[]): Properties {
  const corePart = packageRels.find((r) => r.type === 'core-properties')?.target ?? 'docProps/core.xml';
  const appPart = packageRels.find((r) => r.type === 'extended-properties')?.target ?? 'docProps/app.xml';
  const core = readOptionalXmlPart(zip, corePart, limits, warnings, 4 * 1024 * 1024);
  const app = readOptionalXmlPart(zip, appPart, limits, warnings, 4 * 1024 * 1024);
  return {
    author: value(core, 'creator'),
    lastModifiedBy: value(core, 'lastModifiedBy'),
    created: value(core, 'created'),
    modified: value(core, 'modified'),
    application: value(app, 'Application'),
    company: value(app, 'Company'),
  };
}

const MSIP = /^MSIP_Label_([0-9a-f-]{36})_(\w+)$/i;

/** Microsoft sensitivity labels: MSIP_Label_* custom properties and docMetadata/LabelInfo.xml. */
export function readSensitivityLabels(zip: ZipPackage, packageRels: Relationship[], limits: InspectionLimits, warnings: string[]): InspectionResult['sensitivityLabels'] {
  const labels = new Map<string, { name: string | null; enabled: boolean }>();
  const customPart = packageRels.find((r) => r.type === 'custom-properties')?.target ?? 'docProps/custom.xml';
  const custom = readOptionalXmlPart(zip, customPart, limits, warnings, 4 * 1024 * 1024);
  for (const property of custom ? descendants(custom, 'property') : []) {
    const match = MSIP.exec(property.attrs.name ?? '');
    if (!match) continue;
    const id = match[1]!.toLowerCase();
    const label = labels.get(id) ?? { name: null, enabled: true };
    const text = property.children.map((c) => c.text).join('').trim();
    if (match[2]!.toLowerCase() === 'name') label.name = text || null;
    if (match[2]!.toLowerCase() === 'enabled' && text.toLowerCase() === 'false') label.enabled = false;
    labels.set(id, label);
  }
  const labelInfo = readOptionalXmlPart(zip, 'docMetadata/LabelInfo.xml', limits, warnings, 4 * 1024 * 1024);
  for (const label of labelInfo ? children(labelInfo.children[0], 'label') : []) {
    const id = (label.attrs.id ?? '').replace(/[{}]/g, '').toLowerCase();
    if (!id || label.attrs.removed === '1' || labels.has(id)) continue;
    labels.set(id, { name: null, enabled: label.attrs.enabled !== '0' });
  }
  return [...labels].filter(([, label]) => label.enabled).map(([id, label]) => ({ id, name: label.name }));
}
