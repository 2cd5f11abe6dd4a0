export const SHAPE_APEX: string;
export const SHAPES: readonly string[];
export function shapeZoneChunks(shape: string, records: number): Generator<string>;
export function writeShapeZone(file: string, shape: string, records: number): string;
export function smallZoneText(i: number): string;
export function writeManyZones(dir: string, files: number): { zones: string; allZone: string; apex: string };
