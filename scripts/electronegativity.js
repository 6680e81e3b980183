// `npm run test:security`: runs Electronegativity (Doyensec's Electron security linter) over
// the Electron host's source in main/app, writes every finding to a JSON file in the temp
// folder, prints a table, and exits non-zero if any finding of severity HIGH or MEDIUM (any
// confidence) is left — or if a file could not be parsed, since an unparsed file is unchecked.
//
// Findings are fixed in main/app, not hidden. The tool's "review this" reminders, once reviewed,
// are marked at their line with its own `eng-disable` comment; every such comment must be listed
// in REVIEWED_ANNOTATIONS below (check, file, exact line, why), so a new openExternal call, a
// second window, or a comment silencing anything else still fails the run.
//
// Offline: the Electron version is passed explicitly (no lookup), and the one check that
// downloads Electron's release list is switched off (see EXCLUDED_CHECKS). Electronegativity
// still tries once to fetch updated translations (1 s timeout) and falls back to its own.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from './electron-binary.js';

const require = createRequire(import.meta.url);
// What Electron runs: the main process and preload (main/app) and the window's HTML, whose
// <meta> CSP the tool evaluates. Another folder can be given to try the gate on (e.g. a copy
// with a deliberate mistake).
const INPUT = process.argv[2] ? resolve(process.argv[2]) : electronAppSources();

function electronAppSources() {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-electron-sources-'));
  cpSync(join(PROJECT_ROOT, 'main', 'app'), folder, { recursive: true });
  cpSync(join(PROJECT_ROOT, 'renderer', 'index.html'), join(folder, 'renderer', 'index.html'));
  return folder;
}
const packageJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const ELECTRON_VERSION = String(packageJson.devDependencies?.electron ?? packageJson.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
const FAILING = new Set(['HIGH', 'MEDIUM']);

/** Checks not run at all. */
const EXCLUDED_CHECKS = [
  {
    check: 'availablesecurityfixesglobalcheck',
    why:
      "downloads Electron's release list from github.com, which these build machines cannot reach. " +
      'Checklist item 16 (a current Electron) is kept by pinning a current major in package.json.',
  },
];

/**
 * Reviewed manual-review reminders. Electronegativity raises some checks (any preload, any
 * openExternal whose URL is not a constant) as "review this" on every app; once a line has been
 * reviewed, the tool's own `eng-disable CHECK` comment on that line marks it, with the reason in a
 * comment just above. Each annotation must appear here — check, file and the exact line — or the
 * run fails, so nobody can silence a finding without the review being written down.
 */
const REVIEWED_ANNOTATIONS = [
  {
    checks: ['OPEN_EXTERNAL_JS_CHECK'],
    file: 'main.ts',
    source: 'if (isSafeExternalUrl(url)) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK',
    why:
      'the only openExternal call; it runs only for URLs that pass isSafeExternalUrl (parsed, http/https ' +
      'with a host and no credentials, or mailto), checked on that same line (tests/unit/electron-security.test.ts).',
  },
  {
    checks: ['PRELOAD_JS_CHECK'],
    file: 'window.ts',
    source: 'preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK',
    why:
      'the one preload. preload.ts exposes three functions: call and on, which check names against the ' +
      'contract and never pass ipcRenderer or the event object (tests/unit/electron-preload.test.ts), and ' +
      'pathForFile, which only asks webUtils where a dropped or picked file lives (tests/unit/files-drop-preload.test.ts).',
  },
];

const ANNOTATION = /(?:\/\*|\/\/|<!--)[ \t]*eng-disable[ \t]+([\w \t,]+)/i;

/** Every eng-disable annotation in the scanned sources, each matched to its review (or not). */
function auditAnnotations() {
  const found = [];
  for (const file of readdirSync(INPUT, { recursive: true })) {
    const path = join(INPUT, String(file));
    if (!statSync(path).isFile() || !/\.(?:[cm]?[jt]sx?|html?)$/.test(path)) continue;
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        const match = ANNOTATION.exec(line);
        if (!match) return;
        const checks = match[1].trim().split(/[\s,]+/).map((check) => check.toUpperCase());
        const name = relative(INPUT, path);
        const review = REVIEWED_ANNOTATIONS.find(
          (rule) => rule.file === name && line.includes(rule.source) && rule.checks.join(' ') === checks.join(' '),
        );
        found.push({ file: name, line: index + 1, checks, review });
      });
  }
  return found;
}
function describeInput() {
  return process.argv[2] ? relative(PROJECT_ROOT, INPUT) : 'main/app + renderer/index.html';
}

async function main() {
  if (!ELECTRON_VERSION) throw new Error('Could not read the Electron version from package.json.');
  const run = require('@doyensec/electronegativity');

  // Electronegativity talks through console.log; keep its chatter out of the table.
  const chatter = [];
  const log = console.log;
  console.log = (...args) => chatter.push(args.join(' '));
  let result;
  try {
    result = await run({
      input: INPUT,
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS.map((excluded) => excluded.check),
      parserPlugins: [],
      severitySet: undefined,
      confidenceSet: undefined,
    });
  } finally {
    console.log = log;
  }

  const annotations = auditAnnotations();
  const findings = result.issues.map((issue) => {
    const severity = issue.severity.name;
    const status = FAILING.has(severity) ? 'FAIL' : 'note';
    return {
      id: issue.id,
      severity,
      confidence: issue.confidence.name,
      file: issue.file,
      line: issue.location.line,
      manualReview: issue.manualReview,
      description: issue.description,
      status,
    };
  });
  const parseErrors = result.errors.filter((error) => !error.tolerable);

  const reportPath = join(tmpdir(), `fieldbook-electronegativity-${Date.now()}.json`);
  writeFileSync(
    reportPath,
    `${JSON.stringify({ input: describeInput(), electronVersion: ELECTRON_VERSION, excludedChecks: EXCLUDED_CHECKS, reviewedAnnotations: annotations, findings, errors: result.errors }, null, 2)}\n`,
  );

  for (const line of chatter) log(`  (electronegativity: ${stripColours(line)})`);
  log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version} over ${describeInput()}, Electron ${ELECTRON_VERSION}: ${result.atomicChecks} atomic and ${result.globalChecks} global checks.`);
  for (const excluded of EXCLUDED_CHECKS) log(`  not run: ${excluded.check} — ${excluded.why}`);
  log('');
  printTable(
    ['Status', 'Check', 'Severity', 'Confidence', 'Where'],
    findings.map((finding) => [finding.status, finding.id, finding.severity, finding.confidence, finding.file === 'N/A' ? '(whole app)' : `${finding.file}:${finding.line}`]),
  );
  for (const finding of findings.filter((f) => f.status === 'FAIL')) log(`  FAIL ${finding.id} at ${finding.file}:${finding.line}: ${finding.description}`);
  for (const error of result.errors) log(`  ${error.tolerable ? 'warning' : 'ERROR'} parsing ${relative(INPUT, error.file)}: ${error.message}`);
  for (const annotation of annotations) {
    const where = `${annotation.file}:${annotation.line}`;
    if (annotation.review) log(`  reviewed ${annotation.checks.join(', ')} at ${where} (eng-disable): ${annotation.review.why}`);
    else log(`  FAIL eng-disable ${annotation.checks.join(', ')} at ${where} has no review in scripts/electronegativity.js; fix the finding, or write the review down there.`);
  }
  const unused = REVIEWED_ANNOTATIONS.filter((rule) => !annotations.some((annotation) => annotation.review === rule));
  for (const rule of unused) log(`  note: the review of ${rule.checks.join(', ')} in ${rule.file} matches no annotation any more; remove it from scripts/electronegativity.js.`);
  log(`\nFull results: ${reportPath}`);

  const failed = findings.filter((finding) => finding.status === 'FAIL');
  const unreviewed = annotations.filter((annotation) => !annotation.review);
  if (failed.length > 0 || parseErrors.length > 0 || unreviewed.length > 0) {
    log(
      `Electronegativity: ${failed.length} finding(s) of severity HIGH or MEDIUM, ${unreviewed.length} unreviewed eng-disable ` +
        `annotation(s) and ${parseErrors.length} unparsed file(s). Fix them in main/app.`,
    );
    process.exitCode = 1;
  } else {
    log('Electronegativity: no HIGH or MEDIUM findings left.');
  }
}

const ESCAPE = String.fromCharCode(27);
function stripColours(text) {
  return text.split(ESCAPE).map((part, index) => (index === 0 ? part : part.replace(/^\[[0-9;]*m/, ''))).join('');
}

function printTable(head, rows) {
  if (rows.length === 0) {
    console.log('(no findings)');
    return;
  }
  const widths = head.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const format = (row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(format(head));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(format(row));
}

main()
  .catch((error) => {
    console.error(`Electronegativity could not run: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 2;
  })
  .finally(() => {
    if (!process.argv[2]) rmSync(INPUT, { recursive: true, force: true });
  });
