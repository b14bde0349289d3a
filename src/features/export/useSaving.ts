import { useRef, useState } from 'react';
import type { CopyProgress, SaveOutcome } from '../../io/save.ts';

/** Where one export is: idle, running (with its progress), or what came of the last one. */
export type SavingState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly what: string; readonly progress: CopyProgress | null }
  | { readonly kind: 'done'; readonly message: string; readonly failed: boolean };

/**
 * Runs one export at a time with a cancel: `run` takes a label and the work (given an abort
 * signal and a progress callback), and turns its outcome into a line the user reads.
 */
export function useSaving() {
  const [state, setState] = useState<SavingState>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const run = async (
    what: string,
    work: (signal: AbortSignal, progress: (p: CopyProgress) => void) => Promise<SaveOutcome>,
  ) => {
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ kind: 'running', what, progress: null });
    const outcome = await work(own.signal, (progress) =>
      setState({ kind: 'running', what, progress }),
    );
    if (controller.current === own) controller.current = null;
    setState(describe(what, outcome));
  };
  const cancel = () => controller.current?.abort();
  return { state, run, cancel };
}

function describe(what: string, outcome: SaveOutcome): SavingState {
  switch (outcome.kind) {
    case 'saved':
      return { kind: 'done', message: `${what}: saved as “${outcome.name}”.`, failed: false };
    case 'downloaded':
      return { kind: 'done', message: `${what}: downloaded as “${outcome.name}”.`, failed: false };
    case 'cancelled':
      return { kind: 'done', message: `${what}: cancelled.`, failed: false };
    case 'failed':
      return { kind: 'done', message: `${what} failed: ${outcome.reason}`, failed: true };
  }
}
