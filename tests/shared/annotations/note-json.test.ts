import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  MAX_NOTE_DEPTH,
  MAX_NOTE_NODES,
  MAX_TIMESTAMP,
  annotationSchema,
  nextUpdatedAt,
  parseAnnotation,
  validateNoteJson,
} from '../../../shared/annotations';
import { lexicalToRich } from '../../../shared/export/rich-text';
import { annotationOn, lexicalJson } from './fixtures';

/** The note editor's node set (renderer/notes/NoteEditor.tsx: `nodes: [ListNode, ListItemNode]` + core). */
function noteEditor(): LexicalEditor {
  return createEditor({ namespace: 'yandu-note', nodes: [ListNode, ListItemNode], onError: (e) => { throw e; } });
}

/** What the real editor serializes after `build` ran in an update. */
function editorJson(build: () => void): string {
  const editor = noteEditor();
  editor.update(build, { discrete: true });
  return JSON.stringify(editor.getEditorState().toJSON());
}

/** Whether real Lexical with the note editor's nodes can load `json`. */
function lexicalLoads(json: string): boolean {
  try {
    noteEditor().parseEditorState(json);
    return true;
  } catch {
    return false;
  }
}

const text = (t: string, extra: object = {}) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '', ...extra });
const para = (...children: object[]) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children });
const list = (...children: object[]) => ({ type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', direction: null, format: '', indent: 0, children });
const item = (...children: object[]) => ({ type: 'listitem', version: 1, value: 1, direction: null, format: '', indent: 0, children });
const doc = (...children: object[]) => JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });

/**
 * A list nested `levels` deep: root → list → listitem → list → … → text. Built as text because
 * JSON.stringify itself overflows the stack on thousands of levels (JSON.parse does not).
 */
function nestedLists(levels: number): string {
  const [listHead, listTail] = JSON.stringify(list(item('@' as unknown as object))).split('"@"');
  const inner = JSON.stringify(text('最里层'));
  return doc('@' as unknown as object).replace('"@"', listHead.repeat(levels) + inner + listTail.repeat(levels));
}

describe('validateNoteJson: what the note editor writes passes', () => {
  const cases: [string, () => void][] = [
    ['plain paragraph', () => $getRoot().append($createParagraphNode().append($createTextNode('要问清产能')))],
    ['bold and italic runs, line break and tab', () => {
      const b = $createTextNode('加粗');
      b.toggleFormat('bold');
      const i = $createTextNode('倾斜');
      i.toggleFormat('italic');
      $getRoot().append($createParagraphNode().append(b, $createLineBreakNode(), $createTabNode(), i));
    }],
    ['numbered list starting at 3 with a nested bullet list', () => {
      const inner = $createListNode('bullet').append($createListItemNode().append($createTextNode('子项')));
      $getRoot().append($createListNode('number', 3).append($createListItemNode().append($createTextNode('一')), $createListItemNode().append(inner)));
    }],
    ['check list with a ticked item', () => {
      $getRoot().append($createListNode('check').append($createListItemNode(true).append($createTextNode('已核实'))));
    }],
    ['empty paragraphs between paragraphs', () => $getRoot().append($createParagraphNode(), $createParagraphNode().append($createTextNode('𠀀👍🏽')), $createParagraphNode())],
  ];
  it.each(cases)('%s', (_name, build) => {
    const json = editorJson(build);
    expect(validateNoteJson(json)).toMatchObject({ ok: true });
    expect(lexicalLoads(json)).toBe(true);
  });

  it('passes the older hand-written shapes used by exports (no textFormat, direction ltr)', () => {
    expect(validateNoteJson(lexicalJson('批注')).ok).toBe(true);
  });

  it('reports node count and depth', () => {
    expect(validateNoteJson(doc(para(text('a')), list(item(text('b')))))).toEqual({ ok: true, value: { nodes: 6, depth: 4 } });
  });
});

describe('validateNoteJson: refused notes, with a Chinese reason', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '<p>hi</p>', /不是有效的 JSON/],
    ['JSON without root', '{"a":1}', /应为含 root/],
    ['root is a string', '{"root":"x"}', /应为含 root/],
    ['array at top', '[]', /应为含 root/],
    ['extra top-level key', JSON.stringify({ root: JSON.parse(doc()).root, evil: 1 }), /多余的字段 “evil”/],
    ['root typed as paragraph', JSON.stringify({ root: { ...para(), type: 'paragraph' } }), /根节点类型应为 root/],
    ['unknown node type image', doc(para(text('a')), { type: 'image', version: 1, src: 'x.png' }), /不支持的节点类型 “image”（root › 2）/],
    ['heading (not registered in the note editor)', doc({ type: 'heading', tag: 'h1', version: 1, children: [] }), /不支持的节点类型 “heading”/],
    ['__proto__ as a type', doc({ type: '__proto__', children: [] }), /不支持的节点类型 “__proto__”/],
    ['node without type', doc({ version: 1, children: [] }), /节点无效（root › 1）/],
    ['null child', doc(null as unknown as object), /节点无效/],
    ['text directly under root', doc(text('a')), /“text” 节点不能放在 “root” 之下/],
    ['paragraph inside a paragraph', doc(para(para())), /“paragraph” 节点不能放在 “paragraph” 之下/],
    ['root nested in a paragraph', doc(para({ ...JSON.parse(doc()).root })), /“root” 节点不能放在 “paragraph” 之下/],
    ['text with an inline style', doc(para(text('a', { style: 'position:fixed;inset:0;font-size:900px' }))), /字段 “style” 的值无效/],
    ['text that is a number', doc(para(text('a', { text: 42 }))), /字段 “text” 的值无效/],
    ['format as a huge number', doc(para(text('a', { format: 2 ** 40 }))), /字段 “format” 的值无效/],
    ['unknown list type', doc({ ...list(item(text('a'))), listType: 'table' }), /字段 “listType” 的值无效/],
    ['unknown field on text', doc(para(text('a', { onclick: 'x' }))), /不支持的字段 “onclick”/],
    ['Lexical NodeState ($) the editor never writes', doc(para(text('a', { $: { x: 1 } }))), /不支持的字段 “\$”/],
    ['children not an array', doc({ ...para(), children: {} }), /缺少子节点列表/],
    ['text with children', doc(para({ ...text('a'), children: [] })), /不应有子节点/],
  ];
  it.each(cases)('%s', (_name, json, reason) => {
    const r = validateNoteJson(json);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  it('an unknown node type is exactly what makes Lexical throw (the empty-editor bug)', () => {
    expect(lexicalLoads(doc(para(text('a')), { type: 'image', version: 1 }))).toBe(false);
  });
});

describe('validateNoteJson: depth, node count and size limits', () => {
  it.each([1000, 3000])('refuses lists nested %i levels deep (the file that blanked the app)', (levels) => {
    const json = nestedLists(levels);
    const r = validateNoteJson(json);
    expect(r).toEqual({ ok: false, error: `批注内容嵌套过深（超过 ${MAX_NOTE_DEPTH} 层），可能是恶意或损坏的数据` });
  });

  it('accepts the deepest note allowed, which Lexical loads and the export renderers handle', () => {
    // root + 2 per list level + the text leaf.
    const levels = (MAX_NOTE_DEPTH - 2) / 2;
    const json = nestedLists(levels);
    expect(validateNoteJson(json)).toEqual({ ok: true, value: { nodes: 2 + 2 * levels, depth: MAX_NOTE_DEPTH } });
    expect(lexicalLoads(json)).toBe(true);
    expect(lexicalToRich(json)).not.toBeNull();
    expect(validateNoteJson(nestedLists(levels + 1)).ok).toBe(false);
  });

  it('refuses more than MAX_NOTE_NODES nodes but accepts a long note of many runs', () => {
    const runs = (n: number) => doc(para(...Array.from({ length: n }, (_, i) => text(`字${i}`, { format: i % 2 }))));
    expect(validateNoteJson(runs(MAX_NOTE_NODES - 2)).ok).toBe(true);
    expect(validateNoteJson(runs(MAX_NOTE_NODES))).toEqual({ ok: false, error: `批注内容的节点过多（超过 ${MAX_NOTE_NODES} 个）` });
  });

  it('refuses a serialized note over 10 MB before parsing it', () => {
    const r = validateNoteJson(' '.repeat(10_000_001));
    expect(r).toEqual({ ok: false, error: '批注内容过大（超过 10 MB）' });
  });
});

describe('annotation schema uses the note validation', () => {
  const good = annotationOn('大力发展绿电制氢');
  it('names the note field and the reason', () => {
    const r = parseAnnotation({ ...good, note: { json: nestedLists(1000), text: '最里层' } });
    expect(r).toEqual({ ok: false, error: `批注记录无效：note.json：批注内容嵌套过深（超过 ${MAX_NOTE_DEPTH} 层），可能是恶意或损坏的数据` });
  });
});

describe('timestamps: an edit never produces an invalid record', () => {
  const good = annotationOn('大力发展绿电制氢');
  const valid = (updatedAt: number) => annotationSchema.safeParse({ ...good, updatedAt }).success;

  it.each([
    ['2^53 − 1', 2 ** 53 - 1],
    ['MAX_TIMESTAMP + 1', MAX_TIMESTAMP + 1],
    ['negative', -1],
    ['fractional', 1.5],
    ['Infinity', Infinity],
  ])('the schema refuses updatedAt = %s', (_name, t) => {
    expect(valid(t)).toBe(false);
  });

  it.each([
    ['a normal edit', 1_767_225_600_000, 1_767_225_600_500, 1_767_225_600_500],
    ['two edits in one millisecond', 1_767_225_600_500, 1_767_225_600_500, 1_767_225_600_501],
    ['a record from a clock that ran ahead', 1_800_000_000_000, 1_767_225_600_000, 1_800_000_000_001],
    ['a record at the last valid millisecond', MAX_TIMESTAMP, 1_767_225_600_000, MAX_TIMESTAMP],
    ['a record one before it', MAX_TIMESTAMP - 1, 1_767_225_600_000, MAX_TIMESTAMP],
    ['a broken clock (NaN)', 1_000, Number.NaN, 1_001],
    ['a clock far past the end of Date', 1_000, 2 ** 53 - 1, MAX_TIMESTAMP],
  ])('nextUpdatedAt: %s', (_name, previous, now, want) => {
    const next = nextUpdatedAt(previous, now);
    expect(next).toBe(want);
    expect(valid(next)).toBe(true);
  });

  it('every valid updatedAt edited at any clock stays valid and never goes backwards', () => {
    const stamps = [0, 1, 1_767_225_600_000, 2 ** 40, MAX_TIMESTAMP - 2, MAX_TIMESTAMP - 1, MAX_TIMESTAMP];
    const clocks = [0, -5, 1_767_225_600_000, MAX_TIMESTAMP, 2 ** 53 - 1, Number.NaN, Infinity];
    for (const previous of stamps) {
      for (const now of clocks) {
        const next = nextUpdatedAt(previous, now);
        expect(valid(next), `${previous} @ ${now}`).toBe(true);
        expect(next).toBeGreaterThanOrEqual(previous);
      }
    }
  });
});
