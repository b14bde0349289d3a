import { lazy, Suspense } from 'react';
import { formatCount } from './core/format.ts';
import { DATASET_LABEL } from './core/types.ts';
import { FilterPanel } from './features/filters/FilterPanel.tsx';
import { GridToolbar } from './features/grid/GridToolbar.tsx';
import { ImageGrid } from './features/grid/ImageGrid.tsx';
import { ProblemsPanel } from './features/problems/ProblemsPanel.tsx';
import { ScanProgress } from './features/progress/ScanProgress.tsx';
import { StatusLine } from './features/status/StatusLine.tsx';
import { useApp, useData } from './state/derived.ts';
import { useSession } from './state/react.ts';
import { AboutButton } from './ui/AboutButton.tsx';
import { ErrorBoundary } from './ui/ErrorBoundary.tsx';
import { FolderInput } from './ui/FolderInput.tsx';
import { Tabs } from './ui/Tabs.tsx';
import { ThemeToggle } from './ui/ThemeToggle.tsx';
import './explorer.css';
import './features/grid/grid.css';

// The table, the charts (Recharts is large), the audit, the export and the viewer load when
// first shown.
const TableView = lazy(() => import('./features/table/TableView.tsx'));
const ChartsView = lazy(() => import('./features/charts/ChartsView.tsx'));
const SizeTables = lazy(() => import('./features/sizes/SizeTables.tsx'));
const AuditView = lazy(() => import('./features/audit/AuditView.tsx'));
const ExportView = lazy(() => import('./features/export/ExportView.tsx'));
const Viewer = lazy(() => import('./features/viewer/Viewer.tsx'));

const TABS = [
  { id: 'grid', label: 'Grid' },
  { id: 'table', label: 'Table' },
  { id: 'charts', label: 'Charts' },
  { id: 'audit', label: 'Audit' },
  { id: 'export', label: 'Export' },
] as const;

/** The open folder: filters on the left; the status, the views and the problems on the right. */
export function Explorer() {
  const session = useSession();
  const data = useData();
  const tab = useApp((state) => state.view.tab);
  const viewer = useApp((state) => state.viewer);
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
        <Tabs tabs={TABS} selected={tab} onSelect={(id) => session.setView({ tab: id })}>
          <Suspense fallback={<p className="main__loading">Loading…</p>}>
            {tab === 'grid' && (
              <>
                <GridToolbar />
                <ErrorBoundary what="The grid">
                  <ImageGrid />
                </ErrorBoundary>
              </>
            )}
            {tab === 'table' && (
              <ErrorBoundary what="The table">
                <TableView />
              </ErrorBoundary>
            )}
            {tab === 'charts' && (
              <div className="main__scroll">
                <ErrorBoundary what="The charts">
                  <ChartsView />
                  <SizeTables />
                </ErrorBoundary>
              </div>
            )}
            {tab === 'audit' && (
              <div className="main__scroll">
                <ErrorBoundary what="The audit">
                  <AuditView />
                </ErrorBoundary>
              </div>
            )}
            {tab === 'export' && (
              <div className="main__scroll">
                <ErrorBoundary what="The export">
                  <ExportView />
                </ErrorBoundary>
              </div>
            )}
          </Suspense>
        </Tabs>
        <ProblemsPanel />
      </main>
      {viewer !== null && (
        <ErrorBoundary what="The viewer">
          <Suspense fallback={null}>
            <Viewer />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
