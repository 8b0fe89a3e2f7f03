/**
 * A report file dropped anywhere on the window opens like one chosen with 打开报告: the host reads
 * it with the same loader. Only drags that carry files are accepted, so dragging selected text
 * inside the reader is left alone.
 */
import { useMemo, useRef, useState, type DragEvent } from 'react';
import type { ReaderHost, Result } from '../../shared/ipc/contract';
import type { Report } from '../../shared/report/model';
import { MSG } from '../messages';

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function useFileDrop(
  host: ReaderHost,
  onResult: (res: Result<Report | null>) => void,
  onMessage: (text: string) => void,
) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child element crossed: count them.
  const depth = useRef(0);
  const handlers = useMemo(
    () => ({
      onDragEnter(e: DragEvent) {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      },
      onDragOver(e: DragEvent) {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave(e: DragEvent) {
        if (!carriesFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      async onDrop(e: DragEvent) {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length !== 1) return onMessage(MSG.onlyOneFile);
        const file = files[0];
        onMessage(MSG.readingReport(file.name));
        const bytes = new Uint8Array(await file.arrayBuffer());
        onResult(await host.readReportFile({ name: file.name, bytes }));
      },
    }),
    [host, onResult, onMessage],
  );
  return { over, handlers };
}
