import { useState } from 'react';
import { formatCount } from '../../core/format.ts';
import { groupProblems } from '../../core/problems.ts';
import { useApp } from '../../state/derived.ts';
import './problems.css';

// A folder can have thousands of missing images: list the first ones, and the rest on request.
const SHOWN = 100;

/** Everything the load found wrong, by kind, each by file name and row. */
export function ProblemsPanel() {
  const problems = useApp((state) => state.problems);
  const groups = groupProblems(problems);
  return (
    <section className="problems" aria-label="Problems">
      <h2 className="problems__title">
        Problems <span className="problems__count">({formatCount(problems.length)})</span>
      </h2>
      {groups.length === 0 ? (
        <p className="problems__none">None found so far.</p>
      ) : (
        groups.map((group) => <ProblemGroup key={group.title} {...group} />)
      )}
    </section>
  );
}

function ProblemGroup({ title, problems }: ReturnType<typeof groupProblems>[number]) {
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, SHOWN);
  return (
    <details className="problems__group" open={problems.length <= 20}>
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
