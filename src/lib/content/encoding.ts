/**
 * Content files are UTF-8. A file's bytes become its text here, or a problem that names the line: a
 * file saved in another encoding would otherwise be read with replacement characters, and fail
 * later with an error about something else. A UTF-8 byte-order mark (EF BB BF, which some editors
 * write) is accepted and dropped, as Astro drops it; a UTF-16 one means the file is not UTF-8.
 */

/** Where the first byte that is not part of a valid UTF-8 sequence is, or -1 (Unicode, table 3-7). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let [low, high] = [0x80, 0xbf];
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      // Only the second byte has the narrower range; the others are 80..BF.
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return -1;
}

const hex = (byte: number) => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** The text of a content file's bytes, or the one problem that stops it, naming `file`. */
export function decodeContent(bytes: Uint8Array, file: string): { text: string } | { problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: `${file}: line 1: starts with a UTF-16 byte-order mark (${hex(bytes[0])} ${hex(bytes[1]!)}): the file is saved as UTF-16; save it as UTF-8`,
    };
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    // Lines end as the MDX parser ends them: LF, CR LF, or a CR alone.
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder().decode(bytes.subarray(lineStart, bad)).length + 1;
    return {
      problem: `${file}: line ${line}: not valid UTF-8 (byte ${hex(bytes[bad]!)} at column ${column}); the file was saved in another encoding: save it as UTF-8`,
    };
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}
