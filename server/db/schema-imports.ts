/** Table types of bulk import (migration 0018_imports; server/modules/imports). */

/**
 * uploaded → mapped (columns chosen) → previewing → previewed (dry run done) → running → finished;
 * failed when a job gave up (a new run resumes where it stopped).
 */
export type ImportStatus = 'uploaded' | 'mapped' | 'previewing' | 'previewed' | 'running' | 'finished' | 'failed';
/** What a run is doing: people (creates and updates), managers (second pass), access, deactivate. */
export type ImportPhase = 'people' | 'managers' | 'access' | 'deactivate' | 'done';
export type ImportRowStatus = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportsTable {
  id: string;
  org_id: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  status: ImportStatus;
  file_name: string;
  byte_size: number;
  /** Where the file's bytes are (BlobStore) until the import finishes or is discarded; then null. */
  storage_key: string | null;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  /** JSON array of the column names, made unique ("Column 3" for an empty one). */
  headers: string;
  /** JSON array of the first rows, as strings. */
  sample: string;
  /** JSON: the columns suggested from the headers' names. */
  suggested: string;
  total_rows: number;
  /** JSON {columns, options} (protocol/imports.ts), null until chosen. */
  mapping: string | null;
  phase: ImportPhase | null;
  /** Rows (people phase) or the last row number (managers phase) committed: where a retried job resumes. */
  position: number;
  /** Bumped each time a job hands over to the next one; an older job that wakes up again stops. */
  job_step: number;
  done: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  /** Preview: people the run would deactivate; run: people deactivated. */
  deactivated: number;
  invitations_sent: number;
  error: string | null;
  finished_at: number | null;
}

export interface ImportRowsTable {
  org_id: string;
  import_id: string;
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row_no: number;
  status: ImportRowStatus;
  field: string | null;
  message: string | null;
  /** The person the row matched or created. */
  person_id: string | null;
  name: string | null;
  /** The value of the matching key (employee id or e-mail). */
  match_key: string | null;
  /** JSON array of the row's cells, kept for rows with an error (errors.csv gives them back). */
  cells: string | null;
  /** How the person created gets in: a welcome e-mail, an access code, or nothing. */
  access: 'invitation' | 'code' | null;
  /** 1 once the e-mail was queued or the code issued. */
  access_done: number;
}

export interface ImportsDatabase {
  imports: ImportsTable;
  import_rows: ImportRowsTable;
}
