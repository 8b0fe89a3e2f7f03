// @vitest-environment jsdom
/**
 * The note editor opens whatever a note holds without breaking: a valid rich note as it was, and a
 * note that fails the note check (unknown node type, nested too deep) as its plain text.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../renderer/notes/NoteEditor';

const lexicalJson = (text: string) =>
  JSON.stringify({ root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 1 }] }] } });

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let errors: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  errors.mockRestore();
});

async function open(initialJson: string | null, initialText: string): Promise<string> {
  await act(async () => {
    root.render(createElement(NoteEditor, { initialJson, initialText, onChange: () => undefined }));
    await new Promise((r) => setTimeout(r, 20));
  });
  return container.querySelector('.note-input')?.textContent ?? '';
}

function nested(levels: number): string {
  let node = '{"type":"text","version":1,"text":"最里层","format":0,"detail":0,"mode":"normal","style":""}';
  for (let i = 0; i < levels; i++) node = `{"type":"list","version":1,"listType":"bullet","start":1,"tag":"ul","children":[{"type":"listitem","version":1,"value":1,"children":[${node}]}]}`;
  return `{"root":{"type":"root","version":1,"children":[${node}]}}`;
}

describe('NoteEditor', () => {
  it('opens a valid rich note as it is', async () => {
    expect(await open(lexicalJson('要问清产能'), '要问清产能')).toBe('要问清产能');
  });

  it.each([
    ['an unknown node type (Lexical error #17 before)', '{"root":{"type":"root","version":1,"children":[{"type":"image","version":1,"src":"x.png"}]}}'],
    ['lists nested 1,000 deep', nested(1000)],
    ['not JSON at all', '<p>批注</p>'],
  ])('opens a note with %s as its plain text, without an error', async (_name, json) => {
    expect(await open(json, '原文的批注文字')).toBe('原文的批注文字');
    expect(errors).not.toHaveBeenCalled();
  });
});
