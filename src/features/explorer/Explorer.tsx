import { DATASET_LABEL } from '../../core/types.ts';
import { formatCount } from '../../core/format.ts';
import { useData } from '../../state/derived.ts';
import { useSession } from '../../state/react.ts';
import { ErrorBoundary } from '../../ui/ErrorBoundary.tsx';
import { FolderInput } from '../../ui/FolderInput.tsx';
import { ThemeToggle } from '../../ui/ThemeToggle.tsx';
import { AboutButton } from '../about/AboutButton.tsx';
import { FilterPanel } from '../filters/FilterPanel.tsx';
import { GridToolbar } from '../grid/GridToolbar.tsx';
import { ImageGrid } from '../grid/ImageGrid.tsx';
import { ProblemsPanel } from '../problems/ProblemsPanel.tsx';
import { ScanProgress } from '../progress/ScanProgress.tsx';
import { StatusLine } from '../status/StatusLine.tsx';
import './explorer.css';
import '../grid/grid.css';

/** The open folder: filters on the left, the status and the grid on the right. */
export function Explorer() {
  const session = useSession();
  const data = useData();
  if (data === null) return null;
  return (
    <div className="explorer">
      <header className="topbar">
        <span className="topbar__brand">Planescope</span>
        <h1 className="topbar__folder">{data.name}</h1>
        <ul className="topbar__datasets" aria-label="Datasets">
          {data.sources.map((source) => (
            <li key={source.csvFile}>
              {DATASET_LABEL[source.dataset]}: {formatCount(source.rows)} rows,{' '}
              {formatCount(source.imagesFound)} images
            </li>
          ))}
        </ul>
        <div className="topbar__actions">
          <FolderInput />
          <button type="button" className="button" onClick={() => session.close()}>
            Close
          </button>
          <ThemeToggle />
          <AboutButton />
        </div>
      </header>
      <aside className="sidebar" aria-label="Filters">
        <FilterPanel />
      </aside>
      <main className="main">
        <div className="main__head">
          <StatusLine />
          <ScanProgress />
        </div>
        {data.metadataOnly && (
          <p className="main__note">
            This folder holds the CSV but none of its images: you are exploring the metadata only.
          </p>
        )}
        <div className="tabs" role="tablist" aria-label="Views">
          <button
            type="button"
            role="tab"
            aria-selected="true"
            className="tabs__tab"
            id="tab-grid"
            aria-controls="panel-grid"
          >
            Grid
          </button>
        </div>
        <div className="main__panel" role="tabpanel" id="panel-grid" aria-labelledby="tab-grid">
          <GridToolbar />
          <ErrorBoundary what="The grid">
            <ImageGrid />
          </ErrorBoundary>
        </div>
        <ProblemsPanel />
      </main>
    </div>
  );
}
