import type { ASTNode } from '@marcbachmann/cel-js';
import { ENTRY_KINDS } from '../../../shared/entry';
import { ENTRY_SCHEMA, FACTS_SCHEMA, OBJECT_TYPES, daysSinceFunction } from './celEnvironment';

/**
 * Turns a type-checked CEL expression into one small JavaScript function, for the hot path of a
 * full check (the CEL interpreter costs about 300 ns an expression; 10,000 entries × 44 rules
 * evaluate some 600,000). The interpreter stays the reference: the function covers the common,
 * statically typed part of CEL (fields, comparisons, `in`, size and string functions,
 * exists/all/exists_one/map/filter), and whenever it meets anything else at run time (a value of
 * an unexpected type, a missing key) it throws, and the caller answers with the interpreter. So it
 * either gives exactly the interpreter's value or gives way to it; it never guesses.
 *
 * The generated source contains only fixed templates, operators and numbered names: every string,
 * number and field name of the pack is passed in as a constant (`k[3]`), never written into code.
 * One function per expression (rather than a tree of shared closures) keeps V8's call sites
 * monomorphic, which is most of the speed.
 */
export type Evaluate = (variables: Record<string, unknown>) => unknown;

type CelType =
  | { kind: 'string' | 'double' | 'int' | 'bool' }
  | { kind: 'list'; of: CelType }
  | { kind: 'map'; of: CelType }
  | { kind: 'object'; fields: Record<string, CelType> };

interface Code {
  type: CelType;
  js: string;
}

/** Thrown (never shown) when the fast path gives way to the interpreter. Preallocated: no stack to capture. */
const GIVE_WAY = new Error('the fast path gives way to the CEL interpreter');

const STRING: CelType = { kind: 'string' };
const DOUBLE: CelType = { kind: 'double' };
const INT: CelType = { kind: 'int' };
const BOOL: CelType = { kind: 'bool' };

function parseType(declared: unknown): CelType {
  if (typeof declared === 'object' && declared !== null) {
    return { kind: 'object', fields: Object.fromEntries(Object.entries(declared).map(([name, type]) => [name, parseType(type)])) };
  }
  const name = String(declared);
  if (name === 'string' || name === 'double' || name === 'int' || name === 'bool') return { kind: name };
  const list = /^list<(.+)>$/.exec(name);
  if (list) return { kind: 'list', of: parseType(list[1]) };
  const map = /^map<string, (.+)>$/.exec(name);
  if (map) return { kind: 'map', of: parseType(map[1]) };
  const object = OBJECT_TYPES[name];
  if (object) return parseType(object);
  throw new Error(`No fast-path type for ${name}`);
}

const VARIABLES: Record<string, CelType> = { entry: parseType(ENTRY_SCHEMA), facts: parseType(FACTS_SCHEMA) };
const CONSTANTS: Record<string, { type: CelType; value: readonly string[] }> = { kinds: { type: { kind: 'list', of: STRING }, value: [...ENTRY_KINDS] } };

const PRIMITIVES = new Set(['string', 'double', 'int', 'bool']);
const isNumeric = (type: CelType) => type.kind === 'int' || type.kind === 'double';
const isStringList = (type: CelType) => type.kind === 'list' && type.of.kind === 'string';

function sameType(a: CelType, b: CelType): boolean {
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'list' || a.kind === 'map') && (b.kind === 'list' || b.kind === 'map')) return sameType(a.of, b.of);
  if (a.kind === 'object' && b.kind === 'object') return a === b;
  return true;
}

// ---- Run-time helpers the generated functions call. Each one checks what the interpreter would
// ---- otherwise check, and gives way where the interpreter would do something else.

/** What the interpreter treats as a map: a plain object (its test: the constructor is Object or none). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const constructor = (value as { constructor?: unknown }).constructor;
  return constructor === Object || constructor === undefined;
}

/** Checks a value deeply against its type, so the code using it can rely on the type. */
function conforms(value: unknown, type: CelType): boolean {
  switch (type.kind) {
    case 'string':
      return typeof value === 'string';
    case 'double':
      return typeof value === 'number';
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return false; // No entry field or fact is an int; ints come only from literals and size().
    case 'list': {
      if (!Array.isArray(value) || value.constructor !== Array) return false;
      for (let i = 0; i < value.length; i++) if (!conforms(value[i], type.of)) return false;
      return true;
    }
    case 'map': {
      if (!isPlainObject(value)) return false;
      for (const key in value) if (Object.hasOwn(value, key) && !conforms(value[key], type.of)) return false;
      return true;
    }
    case 'object':
      return isPlainObject(value); // Its fields are checked when they are read.
  }
}

/**
 * A field read as the interpreter does it on a plain object: own and defined, else "No such key"
 * (which gives way). Holders passed here have already been checked to be plain objects.
 */
function readString(holder: Record<string, unknown>, name: string): string {
  const value = holder[name];
  if (typeof value !== 'string' || !Object.hasOwn(holder, name)) throw GIVE_WAY;
  return value;
}
function readDouble(holder: Record<string, unknown>, name: string): number {
  const value = holder[name];
  if (typeof value !== 'number' || !Object.hasOwn(holder, name)) throw GIVE_WAY;
  return value;
}
function readBool(holder: Record<string, unknown>, name: string): boolean {
  const value = holder[name];
  if (typeof value !== 'boolean' || !Object.hasOwn(holder, name)) throw GIVE_WAY;
  return value;
}
function readObject(holder: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = holder[name];
  if (!isPlainObject(value) || !Object.hasOwn(holder, name)) throw GIVE_WAY;
  return value;
}
function readTyped(holder: Record<string, unknown>, name: string, type: CelType): unknown {
  const value = holder[name];
  if (!Object.hasOwn(holder, name) || !conforms(value, type)) throw GIVE_WAY;
  return value;
}

/** `key in map`, as the interpreter answers it for a plain object. */
function inMap(key: string, map: Record<string, unknown>): boolean {
  return Object.hasOwn(map, key) ? map[key] !== undefined : false;
}

/** CEL's size of a string counts code points, not UTF-16 units. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

function mapSize(map: Record<string, unknown>): number {
  return Object.keys(map).length;
}

const HELPER_NAMES = ['readString', 'readDouble', 'readBool', 'readObject', 'readTyped', 'inMap', 'codePoints', 'mapSize', 'daysSince'] as const;

// ---- Code generation.

interface Generator {
  /** Values the generated code reads as `k[i]`: strings, numbers, field names, types, constant lists. */
  constants: unknown[];
  /** Iteration variables in scope: CEL name → generated name and type. */
  scope: Map<string, { name: string; type: CelType }>;
  nextVariable: number;
}

function constant(generator: Generator, value: unknown): string {
  generator.constants.push(value);
  return `k[${generator.constants.length - 1}]`;
}

function generate(node: ASTNode, generator: Generator): Code | null {
  switch (node.op) {
    case 'value':
      return literal(node.args as unknown, generator);
    case 'id': {
      const name = node.args as string;
      const bound = generator.scope.get(name);
      if (bound) return { type: bound.type, js: bound.name };
      const variable = VARIABLES[name];
      if (variable) return { type: variable, js: `readObject(v, ${constant(generator, name)})` };
      const known = CONSTANTS[name];
      if (known) return { type: known.type, js: constant(generator, known.value) };
      return null;
    }
    case '.':
    case '[]':
      return access(node, generator);
    case 'list':
      return listLiteral(node.args as ASTNode[], generator);
    case '?:': {
      const [condition, whenTrue, whenFalse] = (node.args as ASTNode[]).map((arg) => generate(arg, generator));
      if (!condition || !whenTrue || !whenFalse || condition.type.kind !== 'bool' || !sameType(whenTrue.type, whenFalse.type)) return null;
      return { type: whenTrue.type, js: `(${condition.js} ? ${whenTrue.js} : ${whenFalse.js})` };
    }
    case '&&':
    case '||': {
      const [left, right] = (node.args as ASTNode[]).map((arg) => generate(arg, generator));
      if (!left || !right || left.type.kind !== 'bool' || right.type.kind !== 'bool') return null;
      // Without errors CEL's logic is JavaScript's; an error gives way, and the interpreter applies CEL's rules.
      return { type: BOOL, js: `(${left.js} ${node.op} ${right.js})` };
    }
    case '!_': {
      const operand = generate(node.args as ASTNode, generator);
      if (!operand || operand.type.kind !== 'bool') return null;
      return { type: BOOL, js: `!${operand.js}` };
    }
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparison(node, generator);
    case 'in':
      return membership(node, generator);
    case 'call':
      return call(node, generator);
    case 'rcall':
      return methodCall(node, generator);
    default:
      return null;
  }
}

function literal(value: unknown, generator: Generator): Code | null {
  if (typeof value === 'string') return { type: STRING, js: constant(generator, value) };
  if (typeof value === 'boolean') return { type: BOOL, js: value ? 'true' : 'false' };
  if (typeof value === 'number') return { type: DOUBLE, js: constant(generator, value) };
  // Ints are only compared, so a safe integer as a JS number compares exactly as the BigInt does.
  if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) return { type: INT, js: constant(generator, Number(value)) };
  return null;
}

function listLiteral(items: ASTNode[], generator: Generator): Code | null {
  if (items.length === 0) return null;
  if (items.every((item) => item.op === 'value' && typeof item.args === 'string')) {
    return { type: { kind: 'list', of: STRING }, js: constant(generator, items.map((item) => item.args as string)) };
  }
  const parts = items.map((item) => generate(item, generator));
  if (parts.some((part) => part === null || !sameType(part.type, parts[0]!.type))) return null;
  return { type: { kind: 'list', of: parts[0]!.type }, js: `[${parts.map((part) => part!.js).join(', ')}]` };
}

function access(node: ASTNode, generator: Generator): Code | null {
  const [holderNode, key] = node.args as [ASTNode, ASTNode | string];
  const holder = generate(holderNode, generator);
  if (!holder) return null;
  let name: string;
  if (node.op === '.') name = key as string;
  else if ((key as ASTNode).op === 'value' && typeof (key as ASTNode).args === 'string') name = (key as ASTNode).args as string;
  else return null;
  const type = holder.type.kind === 'object' ? holder.type.fields[name] : holder.type.kind === 'map' ? holder.type.of : undefined;
  if (!type) return null;
  const field = constant(generator, name);
  switch (type.kind) {
    case 'string':
      return { type, js: `readString(${holder.js}, ${field})` };
    case 'double':
      return { type, js: `readDouble(${holder.js}, ${field})` };
    case 'bool':
      return { type, js: `readBool(${holder.js}, ${field})` };
    case 'object':
      return { type, js: `readObject(${holder.js}, ${field})` };
    default:
      return { type, js: `readTyped(${holder.js}, ${field}, ${constant(generator, type)})` };
  }
}

function comparison(node: ASTNode, generator: Generator): Code | null {
  const [left, right] = (node.args as ASTNode[]).map((arg) => generate(arg, generator));
  if (!left || !right) return null;
  if (node.op === '==' || node.op === '!=') {
    // Only like with like: CEL's equality across types has its own rules, left to the interpreter.
    if (!PRIMITIVES.has(left.type.kind) || left.type.kind !== right.type.kind) return null;
    return { type: BOOL, js: `(${left.js} ${node.op === '==' ? '===' : '!=='} ${right.js})` };
  }
  const comparable = (isNumeric(left.type) && isNumeric(right.type)) || (left.type.kind === 'string' && right.type.kind === 'string');
  if (!comparable) return null;
  return { type: BOOL, js: `(${left.js} ${node.op} ${right.js})` };
}

function membership(node: ASTNode, generator: Generator): Code | null {
  const [needle, haystack] = (node.args as ASTNode[]).map((arg) => generate(arg, generator));
  if (!needle || !haystack || needle.type.kind !== 'string') return null;
  // For a string needle, the interpreter's list equality is ===, as includes() is.
  if (isStringList(haystack.type)) return { type: BOOL, js: `${haystack.js}.includes(${needle.js})` };
  if (haystack.type.kind === 'map') return { type: BOOL, js: `inMap(${needle.js}, ${haystack.js})` };
  return null;
}

function call(node: ASTNode, generator: Generator): Code | null {
  const [name, args] = node.args as [string, ASTNode[]];
  if (args.length !== 1) return null;
  const arg = generate(args[0]!, generator);
  if (name === 'size') return size(arg);
  if (name === 'daysSince' && arg?.type.kind === 'string') return { type: DOUBLE, js: `daysSince(${arg.js})` };
  return null;
}

function size(receiver: Code | null): Code | null {
  if (receiver?.type.kind === 'string') return { type: INT, js: `codePoints(${receiver.js})` };
  if (receiver?.type.kind === 'list') return { type: INT, js: `${receiver.js}.length` };
  if (receiver?.type.kind === 'map') return { type: INT, js: `mapSize(${receiver.js})` };
  return null;
}

/** String methods: CEL name → JS method, its result type and how many arguments (all strings). */
const STRING_METHODS: Record<string, { js: string; type: CelType; args: number }> = {
  trim: { js: 'trim', type: STRING, args: 0 },
  // cel-js lower-cases with toLowerCase (beyond ASCII too); the fast path does exactly the same.
  lowerAscii: { js: 'toLowerCase', type: STRING, args: 0 },
  startsWith: { js: 'startsWith', type: BOOL, args: 1 },
  endsWith: { js: 'endsWith', type: BOOL, args: 1 },
  contains: { js: 'includes', type: BOOL, args: 1 },
};

function methodCall(node: ASTNode, generator: Generator): Code | null {
  const [name, receiverNode, args] = node.args as [string, ASTNode, ASTNode[]];
  if (Object.hasOwn(MACROS, name)) return macro(name, receiverNode, args, generator);
  const receiver = generate(receiverNode, generator);
  if (!receiver) return null;
  if (name === 'size' && args.length === 0) return size(receiver);
  const method = Object.hasOwn(STRING_METHODS, name) ? STRING_METHODS[name]! : null;
  if (!method || receiver.type.kind !== 'string' || args.length !== method.args) return null;
  const arg = method.args === 1 ? generate(args[0]!, generator) : null;
  if (method.args === 1 && arg?.type.kind !== 'string') return null;
  return { type: method.type, js: `${receiver.js}.${method.js}(${arg ? arg.js : ''})` };
}

/**
 * Macros over a list, as array methods with an arrow function (iteration over maps is left to the
 * interpreter). Without errors, each gives what the interpreter's comprehension gives.
 */
const MACROS: Record<string, (list: string, variable: string, body: Code, listType: CelType) => Code | null> = {
  exists: (list, variable, body) => (body.type.kind === 'bool' ? { type: BOOL, js: `${list}.some((${variable}) => ${body.js})` } : null),
  all: (list, variable, body) => (body.type.kind === 'bool' ? { type: BOOL, js: `${list}.every((${variable}) => ${body.js})` } : null),
  exists_one: (list, variable, body) =>
    body.type.kind === 'bool' ? { type: BOOL, js: `(${list}.filter((${variable}) => ${body.js}).length === 1)` } : null,
  map: (list, variable, body) => ({ type: { kind: 'list', of: body.type }, js: `${list}.map((${variable}) => ${body.js})` }),
  filter: (list, variable, body, listType) => (body.type.kind === 'bool' ? { type: listType, js: `${list}.filter((${variable}) => ${body.js})` } : null),
};

function macro(name: string, receiverNode: ASTNode, args: ASTNode[], generator: Generator): Code | null {
  if (args.length !== 2 || args[0]!.op !== 'id') return null;
  const receiver = generate(receiverNode, generator);
  if (!receiver || receiver.type.kind !== 'list') return null;
  const celName = args[0]!.args as string;
  const variable = `x${generator.nextVariable++}`;
  const outer = generator.scope.get(celName);
  generator.scope.set(celName, { name: variable, type: receiver.type.of });
  const body = generate(args[1]!, generator);
  if (outer) generator.scope.set(celName, outer);
  else generator.scope.delete(celName);
  return body ? MACROS[name]!(receiver.js, variable, body, receiver.type) : null;
}

/**
 * The function for an expression, or null when it uses something the fast path does not cover
 * (then the interpreter evaluates it every time). Whatever it gives way on, `fallback` (the
 * interpreter) answers, value or error; without a fallback the function throws instead (for tests).
 */
export function compileCelToJs(ast: ASTNode, now: () => Date, fallback?: Evaluate): Evaluate | null {
  const generator: Generator = { constants: [], scope: new Map(), nextVariable: 0 };
  let code: Code | null;
  try {
    code = generate(ast, generator);
  } catch {
    return null;
  }
  if (!code) return null;
  const helpers = [readString, readDouble, readBool, readObject, readTyped, inMap, codePoints, mapSize, daysSinceFunction(now)];
  // The try sits in each generated function, not in a shared wrapper, so every call site stays monomorphic.
  const body = fallback ? `try { return ${code.js}; } catch { return fallback(v); }` : `return ${code.js};`;
  // Safe to build from text: the text holds only our templates, operators and numbered names (see above).
  const factory = new Function('k', 'fallback', ...HELPER_NAMES, `"use strict"; return function celExpression(v) { ${body} };`) as (
    ...args: unknown[]
  ) => Evaluate;
  return factory(generator.constants, fallback, ...helpers);
}
