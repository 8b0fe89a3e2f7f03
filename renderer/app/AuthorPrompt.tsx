/**
 * Asked when the first annotation is made (or exported) without a 署名: study groups merge by
 * author, and an unsigned annotation reads 未署名 for everyone. A bar above the text, not a modal:
 * marking goes on undisturbed. 以后再说 leaves it for this session.
 */
import { useEffect, useRef, useState } from 'react';

interface Props {
  /** The name to start from (the current 署名, when only unsigned annotations are the issue). */
  initial?: string;
  /** How many annotations are still unsigned (they get the name too). */
  unsigned: number;
  /** Put the caret in the name field (an export waits for the answer). */
  focus?: boolean;
  onSave(name: string): void;
  onLater(): void;
}

export function AuthorPrompt({ initial = '', unsigned, focus = false, onSave, onLater }: Props) {
  const [name, setName] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) input.current?.focus();
  }, [focus]);
  return (
    <form
      className="author-prompt"
      role="region"
      aria-label="请署名"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onSave(name.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onLater();
      }}
    >
      <span>
        请署名（小组合并时区分作者{unsigned > 0 ? `；已有 ${unsigned} 条未署名批注一并署名` : ''}）
      </span>
      <input ref={input} type="text" aria-label="署名" value={name} maxLength={40} placeholder="例如：张三" onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary" disabled={!name.trim()}>
        署名
      </button>
      <button type="button" onClick={onLater}>
        以后再说
      </button>
    </form>
  );
}
