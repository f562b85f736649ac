// Next refuses server-action bodies over 1 MB before our code runs; stay below with room for the form.
// Shared by the import action (which enforces it) and the import form (which checks before uploading).
export const maxImportFileBytes = 900_000;
export const maxImportFileSize = "900 KB";

export const importFileTooLargeMessage = `The file is larger than ${maxImportFileSize}. Split it into smaller files and import each.`;
