import { useEffect, useRef, type ReactNode } from 'react';
import type { EntryFieldName, EntryFields } from '../../../shared/entry';
import {
  CheckboxGroup,
  DateField,
  NumberField,
  SelectField,
  TextField,
} from '../../components/formFields';
import { CATEGORY_OPTIONS, CRITICALITY_OPTIONS, FREQUENCY_OPTIONS, KIND_OPTIONS, LIFECYCLE_OPTIONS, SENSITIVITY_OPTIONS } from '../../format/entryOptions';
import { TagEditor } from '../../components/TagEditor';
import { TextListEditor } from '../../components/TextListEditor';
import { FilesSection } from '../files/FilesSection';
import { useTagsStore } from '../tags/tagsStore';
import { DependencyEditor } from './DependencyEditor';
import { useEntryStore } from './entryStore';
import type { EntryEditState } from './entryState';

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <section className="form-section" aria-labelledby={`section-${id}`}>
      <div className="form-section-head">
        <h2 id={`section-${id}`}>{title}</h2>
        {intro && <p className="muted">{intro}</p>}
      </div>
      <div className="form-grid">{children}</div>
    </section>
  );
}

/** Every field of one entry, in sections. Each change goes to the store, which saves as you type. */
export function EntryForm({ edit }: { edit: EntryEditState }) {
  const change = useEntryStore((store) => store.change);
  const linkNames = useEntryStore((store) => store.linkNames);
  const rememberLinkName = useEntryStore((store) => store.rememberLinkName);
  const inferredDependsOn = useEntryStore((store) => store.inferredDependsOn);
  const inferredFeeds = useEntryStore((store) => store.inferredFeeds);
  const focusNameOnOpen = useEntryStore((store) => store.focusNameOnOpen);
  const nameFocused = useEntryStore((store) => store.nameFocused);
  const tags = useTagsStore((store) => store.tags);
  const tagsStale = useTagsStore((store) => store.stale);
  const loadTags = useTagsStore((store) => store.load);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (tagsStale) void loadTags();
  }, [tagsStale, loadTags]);

  useEffect(() => {
    if (focusNameOnOpen && nameRef.current) {
      nameRef.current.focus();
      nameRef.current.select();
      nameFocused();
    }
  }, [focusNameOnOpen, nameFocused]);

  const draft = edit.draft;
  const error = (field: EntryFieldName) => edit.failed[field]?.message;
  const set =
    <F extends EntryFieldName>(field: F) =>
    (value: EntryFields[F]) =>
      change(field, value);

  return (
    <div className="entry-form">
      <Section title="About">
        <TextField
          label="Name"
          value={draft.name}
          onChange={set('name')}
          error={error('name')}
          inputRef={nameRef}
          className="span-2"
        />
        <SelectField label="Kind" value={draft.kind} options={KIND_OPTIONS} onChange={(value) => value && change('kind', value)} error={error('kind')} />
        <TextField
          label="Business process"
          value={draft.businessProcess}
          onChange={set('businessProcess')}
          hint="The part of the work it supports, e.g. quoting or month-end close."
          error={error('businessProcess')}
        />
        <TextField
          label="What does it do?"
          value={draft.purpose}
          onChange={set('purpose')}
          multiline
          rows={4}
          hint="In a few sentences, as you would explain it to a new colleague."
          error={error('purpose')}
          className="span-2"
        />
      </Section>

      <Section title="People" intro="Who looks after it, and who relies on it.">
        <TextField label="Owner" value={draft.owner} onChange={set('owner')} error={error('owner')} hint="The person who knows it best." />
        <TextField label="Team" value={draft.team} onChange={set('team')} error={error('team')} />
        <TextListEditor
          legend="Backup owners"
          itemName="Backup owner"
          addLabel="Add a backup owner"
          placeholder="A colleague who can step in"
          items={draft.backupOwners}
          onChange={set('backupOwners')}
          error={error('backupOwners')}
        />
        <TextField
          label="Who uses it"
          value={draft.users}
          onChange={set('users')}
          hint="Teams or roles, e.g. “Sales desk, Finance”."
          error={error('users')}
        />
        <NumberField label="Number of users" value={draft.userCount} onChange={set('userCount')} error={error('userCount')} />
        <SelectField
          label="How often it is used"
          value={draft.frequency}
          options={FREQUENCY_OPTIONS}
          emptyLabel="Not set"
          onChange={set('frequency')}
          error={error('frequency')}
        />
      </Section>

      <Section title="Where it lives">
        <TextListEditor
          legend="Locations"
          itemName="Location"
          addLabel="Add a location"
          placeholder="A folder, share or web address"
          items={draft.locations}
          onChange={set('locations')}
          error={error('locations')}
        />
        <TextListEditor
          legend="Files"
          itemName="File"
          addLabel="Add a file"
          placeholder="e.g. Pricing 2026.xlsm"
          items={draft.files}
          onChange={set('files')}
          error={error('files')}
        />
      </Section>

      <FilesSection edit={edit} />

      <Section title="Data" intro="What kind of information passes through it.">
        <CheckboxGroup
          legend="Data it handles"
          options={CATEGORY_OPTIONS}
          values={draft.dataCategories}
          onChange={set('dataCategories')}
          error={error('dataCategories')}
        />
        <SelectField
          label="Sensitivity"
          value={draft.sensitivity}
          options={SENSITIVITY_OPTIONS}
          emptyLabel="Not set"
          onChange={set('sensitivity')}
          hint="The label your company uses for the most sensitive data in it."
          error={error('sensitivity')}
        />
      </Section>

      <Section title="Criticality">
        <SelectField
          label="How critical is it?"
          value={draft.criticality}
          options={CRITICALITY_OPTIONS}
          emptyLabel="Not set"
          onChange={set('criticality')}
          error={error('criticality')}
        />
        <TextField
          label="If this stopped working for a day, what would happen?"
          value={draft.criticalityImpact}
          onChange={set('criticalityImpact')}
          multiline
          rows={3}
          error={error('criticalityImpact')}
          className="span-2"
        />
      </Section>

      <Section title="Dependencies" intro="Other tools and official systems it is connected to.">
        <DependencyEditor
          legend="Depends on"
          description="What it needs to work: entries in your fieldbook, or official systems by name."
          addLabel="Add something it depends on"
          links={draft.dependsOn}
          onChange={set('dependsOn')}
          selfId={edit.id}
          names={linkNames}
          onNamePicked={rememberLinkName}
          inferred={inferredDependsOn}
          inferredLabel="Also linked from entries that say they feed this one:"
          error={error('dependsOn')}
        />
        <DependencyEditor
          legend="Feeds"
          description="What uses its results."
          addLabel="Add something it feeds"
          links={draft.feeds}
          onChange={set('feeds')}
          selfId={edit.id}
          names={linkNames}
          onNamePicked={rememberLinkName}
          inferred={inferredFeeds}
          inferredLabel="Also linked from entries that say they depend on this one:"
          error={error('feeds')}
        />
      </Section>

      <Section title="Lifecycle">
        <SelectField
          label="Stage"
          value={draft.lifecycle}
          options={LIFECYCLE_OPTIONS}
          onChange={(value) => value && change('lifecycle', value)}
          error={error('lifecycle')}
        />
        <DateField label="Last reviewed" value={draft.lastReviewed} onChange={set('lastReviewed')} error={error('lastReviewed')} />
        <TextField
          label="How is it backed up?"
          value={draft.backup}
          onChange={set('backup')}
          multiline
          rows={2}
          hint="e.g. “Saved on the team share, which IT backs up nightly.”"
          error={error('backup')}
        />
        <TextField
          label="How are changes made?"
          value={draft.changeProcess}
          onChange={set('changeProcess')}
          multiline
          rows={2}
          hint="Who may change it, and how changes are checked."
          error={error('changeProcess')}
        />
      </Section>

      <Section title="Notes and tags">
        <TextField label="Notes" value={draft.notes} onChange={set('notes')} multiline rows={4} error={error('notes')} className="span-2" />
        <TagEditor tags={draft.tags} onChange={set('tags')} suggestions={tags.map((tag) => tag.tag)} error={error('tags')} />
      </Section>
    </div>
  );
}
