/** No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, G/6. */
export const JOIN_CODE_ALPHABET = 'ACDEFHJKMNPQRTUVWXY3479';
export const JOIN_CODE_LENGTH = 6;

/** A join code from a source of random integers in [0, n). */
export function makeJoinCode(randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++)
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/** What a student typed, as a code: upper case, spaces and dashes dropped. */
export function normalizeJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s-]/g, '').slice(0, 20);
}

export function isJoinCode(code: string): boolean {
	return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** "ACD EFH": easier to read aloud and copy from a projector. */
export function displayJoinCode(code: string): string {
	return `${code.slice(0, 3)} ${code.slice(3)}`;
}
