import QRCode from 'qrcode';

/** The QR code for a join link, drawn here as SVG: no outside service ever sees the code. */
export async function joinQrSvg(url: string): Promise<string> {
	return QRCode.toString(url, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' }
	});
}
