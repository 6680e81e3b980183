import type { CfbEntry, CompoundFile } from '../cfb/compoundFile';
import { decodeCodePage } from '../cfb/oleProperties';
import { InspectionFailure } from '../limits';
import { ovbaDecompress } from './ovbaDecompress';

export type VbaModuleType = 'module' | 'class' | 'document' | 'form';

export interface VbaModule {
  name: string;
  type: VbaModuleType;
  /** Decompressed source, or null when it could not be read. */
  source: string | null;
}

export interface VbaProject {
  modules: VbaModule[];
  warnings: string[];
}

const PROJECT_TYPES: Record<string, VbaModuleType> = { module: 'module', class: 'class', document: 'document', baseclass: 'form' };

/**
 * Reads a VBA project storage (the one holding PROJECT and VBA/): module names and types from the
 * PROJECT stream (MS-OVBA 2.3.1), sources from the dir stream's module records. Read only; nothing
 * is ever run.
 */
export function readVbaProject(file: CompoundFile, storage: CfbEntry): VbaProject {
  const warnings: string[] = [];
  const declared = new Map<string, VbaModuleType>();
  const project = file.find(['PROJECT'], storage);
  let codePage = 1252;
  const vba = file.find(['VBA'], storage);
  const dir = vba ? file.find(['dir'], vba) : undefined;
  const streams = new Map<string, { stream: string; offset: number; type: VbaModuleType }>();
  if (dir) {
    try {
      const parsed = parseDir(ovbaDecompress(file.read(dir, 16 * 1024 * 1024), 16 * 1024 * 1024));
      codePage = parsed.codePage;
      for (const module of parsed.modules) streams.set(module.name.toLowerCase(), module);
    } catch (error) {
      if (!(error instanceof InspectionFailure)) throw error;
      warnings.push('The VBA directory could not be read; module sources were not analysed.');
    }
  }
  if (project) {
    const text = decodeCodePage(file.read(project, 4 * 1024 * 1024), codePage);
    for (const line of text.split(/\r\n|\r|\n/)) {
      const match = /^(Module|Class|Document|BaseClass)=([^/]*)/i.exec(line.trim());
      if (match) declared.set(match[2]!.trim(), PROJECT_TYPES[match[1]!.toLowerCase()]!);
      if (line.trim() === '[Workspace]') break;
    }
  }
  const modules: VbaModule[] = [];
  const names = declared.size > 0 ? [...declared.keys()] : [...streams.values()].map((s) => s.stream);
  for (const name of names) {
    const record = streams.get(name.toLowerCase());
    let source: string | null = null;
    if (record && vba) {
      const stream = file.find([record.stream], vba);
      if (stream) {
        try {
          const data = file.read(stream, 64 * 1024 * 1024);
          if (record.offset < data.length) source = decodeCodePage(ovbaDecompress(data.subarray(record.offset)), codePage);
        } catch (error) {
          if (!(error instanceof InspectionFailure)) throw error;
        }
      }
      if (source === null) warnings.push(`The source of the VBA module ${name} could not be read.`);
    }
    modules.push({ name, type: declared.get(name) ?? record?.type ?? 'module', source });
  }
  return { modules, warnings };
}

interface DirModule {
  name: string;
  stream: string;
  offset: number;
  type: VbaModuleType;
}

/** Walks the records of the decompressed dir stream (MS-OVBA 2.3.4.2). */
function parseDir(data: Buffer): { codePage: number; modules: DirModule[] } {
  let codePage = 1252;
  const modules: DirModule[] = [];
  let current: DirModule | null = null;
  let at = 0;
  while (at + 6 <= data.length) {
    const id = data.readUInt16LE(at);
    let size = data.readUInt32LE(at + 2);
    if (id === 0x0009) size = 6; // PROJECTVERSION: its size field says 4, but 6 bytes follow.
    const body = data.subarray(at + 6, Math.min(data.length, at + 6 + size));
    at += 6 + size;
    switch (id) {
      case 0x0003:
        if (body.length >= 2) codePage = body.readUInt16LE(0);
        break;
      case 0x0019:
        current = { name: decodeCodePage(body, codePage), stream: decodeCodePage(body, codePage), offset: 0, type: 'module' };
        modules.push(current);
        break;
      case 0x0047:
        if (current) current.name = body.toString('utf16le');
        break;
      case 0x001a:
        if (current) current.stream = decodeCodePage(body, codePage);
        break;
      case 0x0032:
        if (current && body.length > 0) current.stream = body.toString('utf16le');
        break;
      case 0x0031:
        if (current && body.length >= 4) current.offset = body.readUInt32LE(0);
        break;
      case 0x0021:
        if (current) current.type = 'module';
        break;
      case 0x0022:
        if (current) current.type = 'class';
        break;
      case 0x002b:
        current = null;
        break;
      default:
        break;
    }
  }
  return { codePage, modules };
}

/** Finds the storage holding a VBA project: PROJECT + VBA/ directly, or under _VBA_PROJECT_CUR / Macros. */
export function findVbaStorage(file: CompoundFile): CfbEntry | undefined {
  const candidates = [file.root, file.find(['_VBA_PROJECT_CUR']), file.find(['Macros']), file.find(['_VBA_PROJECT'])];
  for (const candidate of candidates) {
    if (candidate && file.find(['VBA'], candidate)?.type === 'storage') return candidate;
  }
  return undefined;
}
