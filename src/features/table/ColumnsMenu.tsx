import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ImageTable } from './columns.ts';

/**
 * A "Columns" button that opens a list of checkboxes, one per column. Escape, a click outside or
 * moving the focus out closes it; Escape gives the focus back to the button.
 */
export function ColumnsMenu({ table }: { readonly table: ImageTable }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const columns = table.getAllLeafColumns();
  const hidden = columns.filter((column) => !column.getIsVisible()).length;

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && root.current?.contains(next)) return;
    if (next !== null) setOpen(false);
  };

  return (
    <div ref={root} className="columns-menu" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        {hidden > 0 ? `Columns (${hidden} hidden)` : 'Columns'}
      </button>
      <div id={panelId} className="columns-menu__panel" hidden={!open}>
        <fieldset className="columns-menu__list">
          <legend className="visually-hidden">Columns shown</legend>
          {columns.map((column) => (
            <label key={column.id} className="columns-menu__item">
              <input
                type="checkbox"
                checked={column.getIsVisible()}
                disabled={!column.getCanHide()}
                onChange={column.getToggleVisibilityHandler()}
              />
              {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="button button--small"
          disabled={hidden === 0}
          onClick={() => table.resetColumnVisibility(true)}
        >
          Show all
        </button>
      </div>
    </div>
  );
}
