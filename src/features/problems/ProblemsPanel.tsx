import { useId, useState } from 'react';
import { formatCount } from '../../core/format.ts';
import { groupProblems, type ProblemGroup as Group } from '../../core/problems.ts';
import { useApp } from '../../state/derived.ts';
import './problems.css';

// A folder can have thousands of missing images: list the first ones, and the rest on request.
const SHOWN = 100;

/** Everything the load found wrong: counts at a glance, and by file name and row on request. */
export function ProblemsPanel() {
  const problems = useApp((state) => state.problems);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const groups = groupProblems(problems);
  return (
    <section className="problems" aria-label="Problems">
      <div className="problems__head">
        <h2 className="problems__title">
          Problems <span className="problems__count">({formatCount(problems.length)})</span>
        </h2>
        <p className="problems__summary">
          {groups.length === 0
            ? 'None found so far.'
            : groups
                .map((group) => `${group.title}: ${formatCount(group.problems.length)}`)
                .join(' · ')}
        </p>
        {groups.length > 0 && (
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide problems' : 'Show problems'}
          </button>
        )}
      </div>
      {open && (
        <div id={listId} className="problems__body">
          {groups.map((group) => (
            <ProblemGroup key={group.title} {...group} />
          ))}
        </div>
      )}
    </section>
  );
}

function ProblemGroup({ title, problems }: Group) {
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <details className="problems__group" open>
      <summary>
        {title} ({formatCount(problems.length)})
      </summary>
      <ul className="problems__list">
        {shown.map((problem, at) => (
          <li key={`${problem.file}:${problem.line ?? ''}:${at}`}>{problem.message}</li>
        ))}
      </ul>
      {shown.length < problems.length && (
        <button type="button" className="button button--small" onClick={() => setAll(true)}>
          Show all {formatCount(problems.length)}
        </button>
      )}
    </details>
  );
}
