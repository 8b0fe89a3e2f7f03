/** The rich-text editor of one draft, saved to Dexie as you type (debounced, flushed on leave). */
import { useEffect, useMemo } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HeadingNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { $getRoot } from 'lexical';
import { createDebouncedSaver } from '../db/debounced-saver';
import type { DraftRow } from '../db/schema';
import { QuoteNode } from './QuoteNode';
import { DraftToolbar } from './DraftToolbar';

interface Props {
  draft: DraftRow;
  save(json: string, title: string): Promise<void>;
  /** The host's window-closing hook: the window waits for the last keystrokes to be saved. */
  onBeforeClose?(flush: () => Promise<void>): () => void;
  onSaved?(): void;
  /** Every change, at once (exports read the draft as on screen, not as last saved). */
  onTyped?(json: string): void;
}

export function DraftEditor({ draft, save, onBeforeClose, onSaved, onTyped }: Props) {
  const saver = useMemo(
    () => createDebouncedSaver<{ json: string; title: string }>(async (v) => {
      await save(v.json, v.title);
      onSaved?.();
    }, { idleMs: 300, maxWaitMs: 1000 }),
    [save, onSaved],
  );
  useEffect(() => () => void saver.flush(), [saver]);
  useEffect(() => onBeforeClose?.(() => saver.flush()), [onBeforeClose, saver]);
  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && void saver.flush();
    document.addEventListener('visibilitychange', onHidden);
    return () => document.removeEventListener('visibilitychange', onHidden);
  }, [saver]);

  const config = {
    namespace: 'yandu-draft',
    nodes: [HeadingNode, ListNode, ListItemNode, QuoteNode],
    editorState: draft.json,
    onError(e: Error) {
      console.error('起草编辑器出错', e);
    },
    theme: { heading: { h1: 'draft-h1', h2: 'draft-h2' }, paragraph: 'draft-p' },
  };
  return (
    <LexicalComposer initialConfig={config}>
      <DraftToolbar />
      <div className="draft-editor">
        <RichTextPlugin contentEditable={<ContentEditable className="draft-content" aria-label="草稿正文" />} ErrorBoundary={LexicalErrorBoundary} />
        <HistoryPlugin />
        <ListPlugin />
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state) => {
            const title = state.read(() => $getRoot().getFirstChild()?.getTextContent() ?? '') || '未命名草稿';
            const json = JSON.stringify(state.toJSON());
            onTyped?.(json);
            saver.schedule({ json, title });
          }}
        />
      </div>
    </LexicalComposer>
  );
}
