import { formatCount } from '../../core/format.ts';
import { DATASET_LABEL } from '../../core/types.ts';
import {
  canWriteFolder,
  copyIntoFolder,
  pickWritableFolder,
  saveBlob,
  saveZip,
} from '../../io/save.ts';
import type { OpenData } from '../../state/app.ts';
import { useApp } from '../../state/derived.ts';
import {
  COMBINED_NAME,
  combinedCsvExport,
  csvBlob,
  csvFileName,
  saveCsvOf,
  sourceCsvExports,
  subsetFiles,
} from '../../state/export.ts';
import { ExportAction, ExportSection } from './ExportSection.tsx';
import { SavingLine } from './SavingLine.tsx';
import { useSaving } from './useSaving.ts';
import type { Subset } from './useSubset.ts';

function rowCount(rows: number): string {
  return `${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`;
}

/** The images the filters keep, as each dataset's own CSV, the combined CSV, or files. */
export function SubsetSection({
  data,
  subset,
}: {
  readonly data: OpenData;
  readonly subset: Subset;
}) {
  const tags = useApp((state) => state.tags);
  const saving = useSaving();
  const { ids, perSource, excluded, dropExcluded, setDropExcluded } = subset;
  const busy = saving.state.kind === 'running';
  const zipName = `${data.name} subset.zip`;

  const saveSource = (csvFile: string) =>
    saving.run(csvFileName(csvFile), () =>
      saveCsvOf(sourceCsvExports(data, ids), csvFile, csvFileName(csvFile)),
    );
  const saveCombined = () =>
    saving.run('The combined CSV', () =>
      saveBlob(COMBINED_NAME, csvBlob(combinedCsvExport(data, ids, tags).text)),
    );
  const copy = (how: 'folder' | 'zip') =>
    saving.run(how === 'folder' ? 'The copy' : 'The zip', async (signal, progress) => {
      const files = await subsetFiles(data, ids, tags);
      if (!files.ok) return { kind: 'failed', reason: files.reason };
      if (how === 'zip') return saveZip(zipName, files.value, signal, progress);
      const folder = await pickWritableFolder(data.handle);
      if (folder.kind === 'cancelled') return folder;
      if (folder.kind !== 'picked') return { kind: 'failed', reason: folder.reason };
      return copyIntoFolder(folder.handle, files.value, signal, progress);
    });

  return (
    <ExportSection title="Images shown">
      <p className="export-section__note">
        {formatCount(ids.length)} {ids.length === 1 ? 'image' : 'images'}: what the filters keep
        {dropExcluded && excluded > 0
          ? `, without the ${formatCount(excluded)} tagged “exclude”`
          : ''}
        .
      </p>
      {excluded > 0 && (
        <label className="export-option">
          <input
            type="checkbox"
            checked={dropExcluded}
            onChange={(event) => setDropExcluded(event.currentTarget.checked)}
          />
          Leave out the images tagged “exclude” ({formatCount(excluded)})
        </label>
      )}
      {ids.length === 0 ? (
        <p className="export-section__empty">No image to export: change the filters.</p>
      ) : (
        <>
          <h4 className="export-section__subtitle">As CSV</h4>
          <ul className="export-actions">
            {perSource.map(({ source, rows }) => (
              <ExportAction
                key={source.csvFile}
                label={`Save ${csvFileName(source.csvFile)}`}
                disabled={busy}
                onClick={() => void saveSource(source.csvFile)}
              >
                {DATASET_LABEL[source.dataset]}: {rowCount(rows)} in the dataset’s own format, for
                its training scripts as they are
              </ExportAction>
            ))}
            <ExportAction
              label={`Save ${COMBINED_NAME}`}
              disabled={busy}
              onClick={() => void saveCombined()}
            >
              Both datasets in one table of shared columns, with image sizes and tags
            </ExportAction>
          </ul>
          <h4 className="export-section__subtitle">With the images</h4>
          <ul className="export-actions">
            {canWriteFolder() && (
              <ExportAction
                label="Copy into a folder…"
                disabled={busy}
                onClick={() => void copy('folder')}
              >
                The images at their paths, each dataset’s CSV with their rows, and{' '}
                {`${COMBINED_NAME}; never into the dataset folder`}
              </ExportAction>
            )}
            <ExportAction label="Save as zip" disabled={busy} onClick={() => void copy('zip')}>
              The same files in “{zipName}”
            </ExportAction>
          </ul>
        </>
      )}
      <SavingLine state={saving.state} onCancel={saving.cancel} />
    </ExportSection>
  );
}
