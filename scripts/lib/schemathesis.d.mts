export const SCHEMATHESIS_VERSION: string;
export const SCHEMATHESIS_CLI: string;
export function findSchemathesis(options?: { install?: boolean; log?: (message: string) => void }): string | undefined;
