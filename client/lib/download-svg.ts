import { saveFile } from './save-file';

/** Saves a drawn chart as an SVG file, for a report. */
export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  saveFile(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }), filename);
}
