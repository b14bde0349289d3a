import { useId, type ReactNode } from 'react';

/** One section of the Export tab: a region named by its title. */
export function ExportSection({
  title,
  children,
}: {
  readonly title: string;
  readonly children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="export-section" aria-labelledby={`${id}-title`}>
      <h3 className="export-section__title" id={`${id}-title`}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** One thing a section saves: its button, and what it writes beside it. */
export function ExportAction({
  label,
  disabled,
  onClick,
  children,
}: {
  readonly label: ReactNode;
  readonly disabled: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <li>
      <button type="button" className="button" disabled={disabled} onClick={onClick}>
        {label}
      </button>
      <span className="export-actions__what">{children}</span>
    </li>
  );
}
