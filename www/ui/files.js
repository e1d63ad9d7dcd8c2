// Opening files: text files decoded here (BOM-aware, GB18030 fallback for old Windows files),
// .docx handed to the wasm module in the worker.

const TEXT_TYPES = /\.(txt|text|md|markdown)$/i;

/**
 * Returns {text, encoding}. Throws an Error with code 'unsupported-type' or 'docx-missing'.
 * `docxToText(arrayBuffer)` runs in the worker; `docxSupported()` is null until it has said.
 */
export async function readFile(file, docxToText, docxSupported) {
  if (/\.docx$/i.test(file.name)) {
    if (docxSupported() === false) throw coded('docx_to_text is not exported', 'docx-missing');
    const text = await docxToText(await file.arrayBuffer());
    return { text, encoding: 'docx' };
  }
  if (!TEXT_TYPES.test(file.name) && !file.type.startsWith('text/')) throw coded(file.name, 'unsupported-type');
  return decodeText(new Uint8Array(await file.arrayBuffer()));
}

export function decodeText(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE (BOM)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE (BOM)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // Not valid UTF-8: Chinese text saved by older Windows tools is GBK/GB18030.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

function coded(message, code) {
  const err = new Error(message);
  err.code = code;
  return err;
}
