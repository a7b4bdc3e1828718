import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Modules of blank margin around the symbol (ISO/IEC 18004), as on the printed label. */
const QUIET_ZONE = 4;

/**
 * The label's QR code drawn as SVG rectangles from the module matrix (error correction M, like the PDF).
 * No innerHTML: under the renderer's Trusted Types CSP the markup is built by React, one <rect> per run.
 */
export function QrCode({ payload, size = 168, label }: { payload: string; size?: number; label: string }) {
  const runs = useMemo(() => {
    const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    const out: { x: number; y: number; w: number }[] = [];
    for (let y = 0; y < modules.size; y += 1) {
      let x = 0;
      while (x < modules.size) {
        if (!modules.get(y, x)) {
          x += 1;
          continue;
        }
        const start = x;
        while (x < modules.size && modules.get(y, x)) x += 1;
        out.push({ x: start, y, w: x - start });
      }
    }
    return { size: modules.size, out };
  }, [payload]);
  const total = runs.size + QUIET_ZONE * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="qr-preview"
      viewBox={`0 0 ${total} ${total}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="rounded-md bg-white"
    >
      <rect width={total} height={total} fill="#fff" />
      {runs.out.map((r) => (
        <rect key={`${r.x}-${r.y}`} x={r.x + QUIET_ZONE} y={r.y + QUIET_ZONE} width={r.w} height={1} fill="#000" />
      ))}
    </svg>
  );
}
