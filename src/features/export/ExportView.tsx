import { useData, useEvaluation } from '../../state/derived.ts';
import { AuditReportSection } from './AuditReportSection.tsx';
import { SplitSection } from './SplitSection.tsx';
import { SubsetSection } from './SubsetSection.tsx';
import { useSubset } from './useSubset.ts';
import './export.css';

const NONE = new Uint32Array(0);

/**
 * The Export tab: the images the filters keep, in each dataset's own CSV format, as one combined
 * CSV, or copied with their CSVs; the audit as a report; a new patient-grouped split. Nothing is
 * ever written into the dataset folder.
 */
export default function ExportView() {
  const data = useData();
  const selection = useEvaluation()?.selection ?? null;
  const subset = useSubset(data, selection ?? NONE);
  if (data === null || selection === null) return null;
  return (
    <div className="export">
      <h2 className="export__title">Export</h2>
      <SubsetSection data={data} subset={subset} />
      <SplitSection data={data} subset={subset} />
      <AuditReportSection data={data} />
    </div>
  );
}
