/**
 * What a stored note (`AnnotationNote.json`, serialized Lexical editor state) may contain.
 *
 * The note editor (renderer/notes/NoteEditor.tsx) registers Lexical's core nodes plus ListNode
 * and ListItemNode, and offers bold, italic and lists; nothing else. A note from a member's file
 * or a damaged row is only handed to Lexical (and to the print/DOCX renderers, which recurse over
 * the tree) after it passes `validateNoteJson`, because Lexical throws on an unknown node type
 * (error #17: the editor opens empty) and a tree 1,000 lists deep overflows the renderers' stacks
 * and blanks the app. The allowed shape is data (NOTE_NODE_SPECS) so a new editor feature is one
 * entry here plus a test that the editor's real output passes (tests/shared/annotations/note-json.test.ts).
 */
import type { Result } from '../ipc/contract';

/**
 * Deepest node nesting accepted, counting root as 1. A list nested n levels deep is 1 + 2n
 * levels (list → listitem per level, plus its text): 40 allows 19 levels of nested lists, more than
 * anyone indents a note, and stays far below the depth where recursive renderers overflow.
 */
export const MAX_NOTE_DEPTH = 40;
/** Most nodes in one note: a 100,000-character note with a format change every few characters fits. */
export const MAX_NOTE_NODES = 100_000;
/** Longest serialized note accepted, in UTF-16 code units (Lexical JSON is several times its text). */
export const MAX_NOTE_JSON = 10_000_000;

type FieldCheck = (value: unknown) => boolean;

/** One node type the note editor can produce: its fields and which node types it may contain. */
export interface NoteNodeSpec {
  /** Fields besides `type`; any field not listed here refuses the note. Absent fields are fine (Lexical fills defaults). */
  fields: Readonly<Record<string, FieldCheck>>;
  /** Allowed child types; `null` for leaf nodes (which must not have `children`). */
  children: readonly string[] | null;
}

const isInt = (min: number, max: number): FieldCheck => (v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (...values: readonly unknown[]): FieldCheck => (v) => values.includes(v);
const isString = (max: number): FieldCheck => (v) => typeof v === 'string' && v.length <= max;
const isBool: FieldCheck = (v) => typeof v === 'boolean';

const INLINE = ['text', 'linebreak', 'tab'] as const;

// Lexical ElementNode fields. `format` is the block alignment; `direction` is written by the DOM reconciler.
const ELEMENT_FIELDS = {
  version: isInt(0, 1000),
  direction: oneOf(null, 'ltr', 'rtl'),
  format: oneOf('', 'left', 'start', 'center', 'right', 'end', 'justify'),
  indent: isInt(0, 100),
  // Paragraphs remember the format of text typed next; the editor never sets an inline style,
  // and an arbitrary one (position:fixed, font-size:900px) could cover the app's own UI.
  textFormat: isInt(0, 0x7ff),
  textStyle: oneOf(''),
};

// TextNode fields. `format` is Lexical's bitmask (bold 1, italic 2, … up to highlight/lowercase bits).
const TEXT_FIELDS = {
  version: isInt(0, 1000),
  text: isString(MAX_NOTE_JSON),
  format: isInt(0, 0x7ff),
  detail: isInt(0, 3),
  mode: oneOf('normal', 'token', 'segmented'),
  style: oneOf(''),
};

/** Node types of the note editor, by Lexical type name. */
export const NOTE_NODE_SPECS: Readonly<Record<string, NoteNodeSpec>> = {
  root: { fields: ELEMENT_FIELDS, children: ['paragraph', 'list'] },
  paragraph: { fields: ELEMENT_FIELDS, children: INLINE },
  list: {
    fields: { ...ELEMENT_FIELDS, listType: oneOf('bullet', 'number', 'check'), start: isInt(0, 1_000_000), tag: oneOf('ul', 'ol') },
    children: ['listitem'],
  },
  listitem: { fields: { ...ELEMENT_FIELDS, value: isInt(0, 1_000_000), checked: isBool }, children: [...INLINE, 'list'] },
  text: { fields: TEXT_FIELDS, children: null },
  tab: { fields: TEXT_FIELDS, children: null },
  linebreak: { fields: { version: isInt(0, 1000) }, children: null },
};

/** What `validateNoteJson` found in a valid note. */
export interface NoteJsonStats {
  /** Nodes in the tree, root included. */
  nodes: number;
  /** Deepest nesting, root = 1. */
  depth: number;
}

const NOTE_MESSAGES = {
  tooLong: (limitMb: number) => `批注内容过大（超过 ${limitMb} MB）`,
  notJson: '批注内容不是有效的 JSON',
  noRoot: '批注内容不是有效的编辑器数据（应为含 root 的 JSON）',
  extraTopLevel: (key: string) => `批注内容含有多余的字段 “${key}”`,
  notNode: (where: string) => `批注内容的节点无效（${where}）`,
  unknownType: (type: string, where: string) => `批注内容含有批注编辑器不支持的节点类型 “${type}”（${where}）`,
  wrongRootType: '批注内容的根节点类型应为 root',
  misplaced: (type: string, parent: string, where: string) => `批注内容的 “${type}” 节点不能放在 “${parent}” 之下（${where}）`,
  unknownField: (type: string, field: string, where: string) => `批注内容的 “${type}” 节点含有不支持的字段 “${field}”（${where}）`,
  badField: (type: string, field: string, where: string) => `批注内容的 “${type}” 节点字段 “${field}” 的值无效（${where}）`,
  childrenNotArray: (type: string, where: string) => `批注内容的 “${type}” 节点缺少子节点列表（${where}）`,
  leafWithChildren: (type: string, where: string) => `批注内容的 “${type}” 节点不应有子节点（${where}）`,
  tooDeep: (limit: number) => `批注内容嵌套过深（超过 ${limit} 层），可能是恶意或损坏的数据`,
  tooManyNodes: (limit: number) => `批注内容的节点过多（超过 ${limit} 个）`,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a serialized note against NOTE_NODE_SPECS and the depth, node-count and size limits.
 *
 * `{ok:false, error}` with a Chinese reason (and where in the tree, e.g. `root › 1 › 3`, children
 * counted from 1) for the first problem found; never throws, whatever the input. The walk is
 * iterative, so a tree deeper than the limit cannot overflow the stack while being refused.
 */
export function validateNoteJson(json: string): Result<NoteJsonStats> {
  if (json.length > MAX_NOTE_JSON) return fail(NOTE_MESSAGES.tooLong(MAX_NOTE_JSON / 1_000_000));
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail(NOTE_MESSAGES.notJson);
  }
  return validateNoteState(data);
}

/** `validateNoteJson` for an already parsed value (e.g. from a file holding the state as an object). */
export function validateNoteState(data: unknown): Result<NoteJsonStats> {
  if (!isObject(data) || !isObject(data.root)) return fail(NOTE_MESSAGES.noRoot);
  for (const key of Object.keys(data)) if (key !== 'root') return fail(NOTE_MESSAGES.extraTopLevel(key));
  if (data.root.type !== 'root') return fail(NOTE_MESSAGES.wrongRootType);

  const stack: { node: unknown; parent: string | null; depth: number; where: string }[] = [{ node: data.root, parent: null, depth: 1, where: 'root' }];
  let nodes = 0;
  let maxDepth = 0;
  while (stack.length > 0) {
    const { node, parent, depth, where } = stack.pop()!;
    if (depth > MAX_NOTE_DEPTH) return fail(NOTE_MESSAGES.tooDeep(MAX_NOTE_DEPTH));
    if (++nodes > MAX_NOTE_NODES) return fail(NOTE_MESSAGES.tooManyNodes(MAX_NOTE_NODES));
    maxDepth = Math.max(maxDepth, depth);
    if (!isObject(node) || typeof node.type !== 'string') return fail(NOTE_MESSAGES.notNode(where));
    const type = node.type;
    const spec = Object.hasOwn(NOTE_NODE_SPECS, type) ? NOTE_NODE_SPECS[type] : undefined;
    if (!spec) return fail(NOTE_MESSAGES.unknownType(shorten(type), where));
    if (parent !== null && !NOTE_NODE_SPECS[parent].children!.includes(type)) return fail(NOTE_MESSAGES.misplaced(type, parent, where));
    if (parent === null && type !== 'root') return fail(NOTE_MESSAGES.wrongRootType);
    if (parent !== null && type === 'root') return fail(NOTE_MESSAGES.misplaced(type, parent, where));
    for (const [field, value] of Object.entries(node)) {
      if (field === 'type' || (field === 'children' && spec.children)) continue;
      if (field === 'children') return fail(NOTE_MESSAGES.leafWithChildren(type, where));
      const check = Object.hasOwn(spec.fields, field) ? spec.fields[field] : undefined;
      if (!check) return fail(NOTE_MESSAGES.unknownField(type, shorten(field), where));
      // Absent and undefined are the same after JSON; null only where the spec allows it.
      if (!check(value)) return fail(NOTE_MESSAGES.badField(type, field, where));
    }
    if (spec.children) {
      const children = node.children;
      if (!Array.isArray(children)) return fail(NOTE_MESSAGES.childrenNotArray(type, where));
      // Pushed in reverse so the first bad child in document order is the one reported.
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent: type, depth: depth + 1, where: `${where} › ${i + 1}` });
    }
  }
  return { ok: true, value: { nodes, depth: maxDepth } };
}

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function fail(error: string): Result<never> {
  return { ok: false, error };
}
