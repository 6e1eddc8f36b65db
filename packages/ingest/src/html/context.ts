/**
 * Gives each grid the text lines around it: `before` = the lines since the previous grid (nearest
 * last, at most BEFORE_LINES), `after` = the note lines (注：/说明：…) right below it. Lines a grid
 * already took from inside its own table region stay nearest.
 */
import type { Block, Grid } from '@govdocs/core';
import { isNoteText, type Piece } from './grid.js';

const BEFORE_LINES = 8;

export function attachGridContext(blocks: Block[]): void {
  let previous: Grid | null = null;
  let pending: string[] = [];
  let takingNotes = false;
  for (const block of blocks) {
    if (block.type === 'grid') {
      const grid = block.grid;
      grid.before = [...pending, ...grid.before].slice(-BEFORE_LINES);
      previous = grid;
      pending = [];
      takingNotes = true;
      continue;
    }
    const text = block.text.trim();
    if (!text) continue;
    if (takingNotes && previous && isNoteText(text)) {
      previous.after.push(text);
      continue;
    }
    takingNotes = false;
    pending.push(text);
  }
}

/**
 * Pieces of a table region → blocks in reading order. The context lines are written out as text
 * blocks around the grid (not kept inside it) so whichever stage attaches context sees them.
 */
export function piecesToBlocks(pieces: Piece[]): Block[] {
  const blocks: Block[] = [];
  for (const piece of pieces) {
    if (piece.type === 'text') {
      for (const line of piece.lines) blocks.push({ type: 'text', text: line });
      continue;
    }
    const { before, after, ...rest } = piece.grid;
    for (const line of before) blocks.push({ type: 'text', text: line });
    blocks.push({ type: 'grid', grid: { ...rest, before: [], after: [] } });
    for (const line of after) blocks.push({ type: 'text', text: line });
  }
  return blocks;
}
