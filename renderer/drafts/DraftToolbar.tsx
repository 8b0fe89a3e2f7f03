/**
 * The draft editor's toolbar: only what the exports carry over (小标题, 正文, lists), plus undo
 * and redo. Bold and other inline styles are left out on purpose: the 公文 layout of the Word
 * export sets the type itself, so a bold button would promise what the file does not keep.
 */
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $setBlocksType } from '@lexical/selection';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import { ListNode } from '@lexical/list';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';

/** The kind of block the caret is in, as the toolbar shows it pressed. */
type BlockKind = 'title' | 'heading' | 'paragraph' | 'number' | 'bullet' | 'other';

function blockKindAtCaret(): BlockKind {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 'other';
  const anchor = selection.anchor.getNode();
  const list = $getNearestNodeOfType(anchor, ListNode);
  if ($isListNode(list)) return list.getListType() === 'number' ? 'number' : 'bullet';
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
  if ($isHeadingNode(top)) return top.getTag() === 'h1' ? 'title' : 'heading';
  return top.getType() === 'paragraph' ? 'paragraph' : 'other';
}

const setBlocks = (editor: LexicalEditor, make: () => ReturnType<typeof $createParagraphNode> | ReturnType<typeof $createHeadingNode>) =>
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, make);
  });

export function DraftToolbar() {
  const [editor] = useLexicalComposerContext();
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [kind, setKind] = useState<BlockKind>('other');

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerUpdateListener(({ editorState }) => setKind(editorState.read(blockKindAtCaret))),
      ),
    [editor],
  );

  const list = (type: 'number' | 'bullet') =>
    editor.dispatchCommand(kind === type ? REMOVE_LIST_COMMAND : type === 'number' ? INSERT_ORDERED_LIST_COMMAND : INSERT_UNORDERED_LIST_COMMAND, undefined);
  // The title (h1) is the draft's name: it is not turned into anything else from here.
  const onTitle = kind === 'title';

  return (
    // mousedown is kept from taking the focus, so the caret stays where the user left it.
    <div className="draft-toolbar" role="toolbar" aria-label="草稿格式" onMouseDown={(e) => e.target instanceof HTMLButtonElement && e.preventDefault()}>
      <button type="button" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} title="撤销（Ctrl+Z）">
        撤销
      </button>
      <button type="button" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} title="重做（Ctrl+Y）">
        重做
      </button>
      <span className="draft-toolbar-gap" aria-hidden />
      <button type="button" aria-pressed={kind === 'heading'} disabled={onTitle} onClick={() => setBlocks(editor, () => $createHeadingNode('h2'))} title="小标题（导出为黑体小标题）">
        小标题
      </button>
      <button type="button" aria-pressed={kind === 'paragraph'} disabled={onTitle} onClick={() => setBlocks(editor, $createParagraphNode)} title="正文段落（首行缩进两字）">
        正文
      </button>
      <button type="button" aria-pressed={kind === 'number'} disabled={onTitle} onClick={() => list('number')} title="编号列表（1. 2. 3.）">
        编号
      </button>
      <button type="button" aria-pressed={kind === 'bullet'} disabled={onTitle} onClick={() => list('bullet')} title="项目列表">
        项目
      </button>
    </div>
  );
}
