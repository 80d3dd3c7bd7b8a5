/** 10 MiB: the largest document a member may upload (product.md §5). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** At most this many files in one request. */
export const MAX_DOCUMENTS_PER_REQUEST = 5;

/** Longest original file name kept for display and download (code points). */
export const MAX_FILE_NAME_LENGTH = 200;
