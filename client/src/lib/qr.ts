import QRCode from "qrcode";

export interface QrShape {
  /** Modules per side, quiet zone included. */
  size: number;
  /** One SVG path of every dark module, in module units. */
  path: string;
}

/** Four modules of white around the code: the QR standard's quiet zone, which scanners need. */
const QUIET = 4;

/**
 * A QR code as an SVG path, built synchronously so a component can derive it. Error level M
 * survives a projector's glare and keystone without making the code too dense for a phone
 * camera at the back of a hall.
 */
export function qrShape(text: string): QrShape {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  let path = "";
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      // One horizontal run per stretch of dark modules keeps the path short.
      if (!modules.get(row, col)) continue;
      let run = 1;
      while (col + run < n && modules.get(row, col + run)) run++;
      path += `M${col + QUIET} ${row + QUIET}h${run}v1h-${run}z`;
      col += run - 1;
    }
  }
  return { size: n + 2 * QUIET, path };
}
