// The write-ahead journal of a batch travels as JSON text cut into pieces that each fit one
// stored value (Forge KVS: 240 KiB per value; the Extension Data Service documents no limit, so
// the ADO store keeps to the same size). Shared by both stores, which store the pieces their way.

/**
 * Cuts `text` into pieces, each as long as `fits` accepts (tried from `start` characters down by
 * halves), never between the two halves of a surrogate pair, so every piece is well-formed text.
 */
export function chunkText(text: string, fits: (piece: string) => boolean, start = 100_000): string[] {
  const pieces: string[] = [];
  for (let pos = 0; pos < text.length; ) {
    let size = Math.min(start, text.length - pos);
    for (;;) {
      let end = pos + size;
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff && size > 1) end -= 1;
      const piece = text.slice(pos, end);
      if (fits(piece) || size <= 1) {
        pieces.push(piece);
        pos = end;
        break;
      }
      size = Math.floor(size / 2);
    }
  }
  return pieces;
}
