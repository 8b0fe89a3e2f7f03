/**
 * Rich-text note editor (bold, italic, lists) in a small Lexical editor. Only Lexical's known
 * nodes survive a paste from Word or a web page: no foreign HTML is ever stored.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ListItemNode, ListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { $createParagraphNode, $createTextNode, $getRoot, FORMAT_TEXT_COMMAND, type EditorState } from 'lexical';
import { validateNoteJson } from '../../shared/annotations/note-json';

export interface NoteValue {
  json: string | null;
  text: string;
}

interface Props {
  /** Serialized editor state to start from (read once, on mount). */
  initialJson: string | null;
  /** Plain text fallback when there is no JSON (imported notes). */
  initialText?: string;
  onChange(value: NoteValue): void;
  onBlur?(): void;
  autoFocus?: boolean;
  label?: string;
}

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const keep = (e: React.MouseEvent) => e.preventDefault(); // keep the editor's selection
  return (
    <div className="note-toolbar" role="toolbar" aria-label="批注格式">
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} title="加粗（Ctrl+B）" aria-label="加粗">
        <b>B</b>
      </button>
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} title="倾斜（Ctrl+I）" aria-label="倾斜">
        <i>I</i>
      </button>
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)} title="项目列表" aria-label="项目列表">
        •
      </button>
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)} title="编号列表" aria-label="编号列表">
        1.
      </button>
    </div>
  );
}

function AutoFocus({ on }: { on: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (on) editor.focus(undefined, { defaultSelection: 'rootEnd' });
  }, [editor, on]);
  return null;
}

/**
 * Only a note that passes the same check as imports reaches Lexical: an unknown node type made
 * Lexical throw (error #17, an empty editor) and a tree 1,000 lists deep overflowed the stack.
 * Anything else opens as its plain text, so the words are still there to read and re-format.
 */
function isValidState(json: string | null): json is string {
  return !!json && validateNoteJson(json).ok;
}

export function NoteEditor({ initialJson, initialText, onChange, onBlur, autoFocus = false, label = '批注内容' }: Props) {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);
  const initialConfig = useMemo(
    () => ({
      namespace: 'yandu-note',
      theme: { text: { bold: 't-bold', italic: 't-italic' }, list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li' } },
      nodes: [ListNode, ListItemNode],
      // A note that cannot be loaded (unknown node type, damaged JSON) must not open as an empty
      // editor whose first keystroke would overwrite it: fail the mount, so the surrounding
      // boundary shows the stored plain text instead. Later errors are only logged.
      onError: (e: Error) => {
        if (!mounted.current) throw e;
        console.error(e);
      },
      editorState: isValidState(initialJson)
        ? initialJson
        : initialText
          ? () => {
              // Imported plain-text note: one paragraph per line.
              for (const line of initialText.split('\n')) $getRoot().append($createParagraphNode().append($createTextNode(line)));
            }
          : undefined,
    }),
    // The editor is created once per mount; later prop changes must not reset the user's typing.
    [],
  );
  const handleChange = useCallback(
    (state: EditorState) => {
      const text = state.read(() => $getRoot().getTextContent());
      onChange({ json: text.trim() === '' ? null : JSON.stringify(state.toJSON()), text: text.trim() === '' ? '' : text });
    },
    [onChange],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="note-editor" onBlur={onBlur}>
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={label} aria-multiline />}
          placeholder={<div className="note-placeholder">写下批注……</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <OnChangePlugin onChange={handleChange} ignoreSelectionChange ignoreHistoryMergeTagChange />
        <AutoFocus on={autoFocus} />
      </div>
    </LexicalComposer>
  );
}

