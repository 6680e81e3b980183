import type { FilePreview } from '../../../shared/contract';
import type { DataCategory, EntryKind, EntryPatch, Sensitivity } from '../../../shared/entry';
import type { PersonalDataKind } from '../../../shared/inspection';
import { cleanPath, splitPath } from '../../format/path';
import { fileProblem, type FileProblem } from '../files/filesState';

/** A new entry made from a file: what Fieldbook suggests, and what she has confirmed so far. */
export interface FileEntryDraft {
  /** Where the file lives; for a dropped copy, what she typed as its location ("" until then). */
  path: string;
  /** Set when the file was read from a dropped copy (its location unknown): the file's name. */
  copyOf: string | null;
  /** What Fieldbook found, in plain words. */
  summary: string;
  /** Set when the file could not be read (then there is nothing to create from). */
  problem: FileProblem | null;
  name: string;
  kind: EntryKind;
  /** The author named in the file, offered as owner ("" when the file names nobody). */
  ownerSuggestion: string;
  useOwner: boolean;
  /** Data categories the file suggests, each with what was seen ("e-mail addresses"). */
  categorySuggestions: { category: DataCategory; because: string }[];
  /** The suggested categories she ticked. */
  categories: DataCategory[];
  sensitivity: Sensitivity | null;
  /** The sensitivity label found in the file, if any (why a sensitivity is suggested). */
  labelName: string | null;
  locations: string[];
}

const KIND_WORDS: Record<PersonalDataKind, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  iban: 'IBANs',
  card: 'card numbers',
  nationalId: 'national identifiers',
};
const CATEGORY_OF: Record<PersonalDataKind, DataCategory> = {
  email: 'personal',
  phone: 'personal',
  nationalId: 'personal',
  iban: 'financial',
  card: 'financial',
};

/** Suggestions start unconfirmed: she ticks the owner and the data categories that are right. */
export function draftFromPreview(preview: FilePreview): FileEntryDraft {
  const { result, suggestion } = preview;
  const seen = new Map<DataCategory, Set<string>>();
  for (const finding of result.personalData) {
    const category = CATEGORY_OF[finding.kind];
    seen.set(category, (seen.get(category) ?? new Set()).add(KIND_WORDS[finding.kind]));
  }
  const suggested = suggestion.dataCategories ?? [];
  return {
    path: preview.path,
    copyOf: null,
    summary: preview.summary,
    problem: fileProblem(result),
    name: suggestion.name ?? '',
    kind: suggestion.kind ?? 'other',
    ownerSuggestion: suggestion.owner ?? '',
    useOwner: false,
    categorySuggestions: suggested.map((category) => ({ category, because: [...(seen.get(category) ?? [])].join(', ') })),
    categories: [],
    sensitivity: suggestion.sensitivity ?? null,
    labelName: result.sensitivityLabels.map((label) => label.name ?? '').find((name) => name !== '') ?? null,
    locations: suggestion.locations ?? [],
  };
}

/** A draft from a dropped copy: everything the copy showed, but no location until she gives it. */
export function draftFromCopy(preview: FilePreview, name: string): FileEntryDraft {
  return { ...draftFromPreview(preview), path: '', copyOf: name, locations: [] };
}

/** She says where the dropped file lives: it becomes the entry's file, and its folder a location. */
export function setCopyLocation(draft: FileEntryDraft, typed: string): FileEntryDraft {
  const path = cleanPath(typed);
  const { folder } = splitPath(path);
  return { ...draft, path, locations: folder ? [folder] : [] };
}

/** What the new entry is created with: only what she kept or confirmed, plus the file itself. */
export function fieldsToCreate(draft: FileEntryDraft): EntryPatch {
  const fields: EntryPatch = {
    name: draft.name.trim(),
    kind: draft.kind,
    files: draft.path === '' ? [] : [draft.path],
    locations: draft.locations,
    dataCategories: draft.categories,
    sensitivity: draft.sensitivity,
  };
  if (draft.useOwner && draft.ownerSuggestion.trim() !== '') fields.owner = draft.ownerSuggestion.trim();
  return fields;
}

export function toggleCategory(draft: FileEntryDraft, category: DataCategory): FileEntryDraft {
  const categories = draft.categories.includes(category)
    ? draft.categories.filter((item) => item !== category)
    : draft.categorySuggestions.map((item) => item.category).filter((item) => item === category || draft.categories.includes(item));
  return { ...draft, categories };
}
