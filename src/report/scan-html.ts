export function renderScanHtml(_: unknown): string { return ''; }
