// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { $isMarkNode } from '@lexical/mark';
import { $getRoot, $createTextNode, $createParagraphNode, createEditor, type LexicalEditor } from 'lexical';
import { $createReaderMarkNode, ReaderMarkNode, setMarkColors } from '../../../renderer/reader/reader-mark-node';

function editorWith(colors: Map<string, string>): { editor: LexicalEditor; root: HTMLElement } {
  const editor = createEditor({ namespace: 't', nodes: [ReaderMarkNode], theme: { mark: 'hl', markOverlap: 'hl-overlap' }, onError: (e) => { throw e; } });
  const root = document.createElement('div');
  editor.setRootElement(root);
  setMarkColors(editor, colors);
  return { editor, root };
}

const marks = (root: HTMLElement) => [...root.querySelectorAll('mark')].map((m) => ({ ...m.dataset, className: m.className }));

describe('ReaderMarkNode', () => {
  it('is an @lexical/mark MarkNode whose element carries ids and colour from creation', () => {
    const { editor, root } = editorWith(new Map([['a', 'green'], ['b', 'red']]));
    editor.update(
      () => {
        const p = $createParagraphNode();
        const one = $createReaderMarkNode(['a']).append($createTextNode('提振消费'));
        const two = $createReaderMarkNode(['a', 'b']).append($createTextNode('专项行动'));
        const unknown = $createReaderMarkNode(['z']).append($createTextNode('其他'));
        expect($isMarkNode(one)).toBe(true);
        $getRoot().append(p.append(one, two, unknown));
      },
      { discrete: true },
    );
    expect(marks(root)).toEqual([
      { annotationId: 'a', annotationIds: 'a', color: 'green', className: 'hl' },
      { annotationId: 'b', annotationIds: 'a b', color: 'red', className: 'hl hl-overlap' },
      { annotationId: 'z', annotationIds: 'z', color: 'yellow', className: 'hl' },
    ]);
  });

  it('gets a fresh element when its ids change', () => {
    const { editor, root } = editorWith(new Map([['a', 'green'], ['b', 'blue']]));
    editor.update(() => void $getRoot().append($createParagraphNode().append($createReaderMarkNode(['a']).append($createTextNode('文字')))), { discrete: true });
    editor.update(() => {
      const mark = $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().getFirstChildOrThrow<ReaderMarkNode>();
      mark.setIDs(['a', 'b']);
    }, { discrete: true });
    expect(marks(root)).toEqual([{ annotationId: 'b', annotationIds: 'a b', color: 'blue', className: 'hl hl-overlap' }]);
  });
});
