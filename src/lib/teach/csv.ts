// Spreadsheets run a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text a spreadsheet shows but never runs: formula starters get a leading apostrophe. */
export function neutralizeCell(value: string | number | null | undefined): string {
	const text = value === null || value === undefined ? '' : String(value);
	// Names are stored without invisible characters; a cell that still starts with some (older
	// data) is judged by its first visible character, as a spreadsheet would.
	const visible = text.replace(/^[\p{Cc}\p{Cf}\s]+/u, (lead) => lead.replace(/[^\t\r]/g, ''));
	return FORMULA_START.test(visible) ? `'${text}` : text;
}

function quote(cell: string): string {
	return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** RFC 4180 CSV with CRLF line ends and every cell neutralised. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return (
		rows.map((row) => row.map((cell) => quote(neutralizeCell(cell))).join(',')).join('\r\n') +
		'\r\n'
	);
}
