// A strict JSON parser (RFC 8259) for safetensors headers. Unlike JSON.parse it keeps each
// number's text, so integers past 2^53 are caught instead of rounded, and it refuses duplicate
// keys and nesting deeper than a header can need.

/** A number as written in the JSON text. */
export class JsonNumber {
  /** @example new JsonNumber('12').text // '12' */
  constructor(readonly text: string) {}
}

/** A parsed JSON value: objects are Maps (keys in file order), numbers keep their text. */
export type Json = null | boolean | string | JsonNumber | Json[] | Map<string, Json>;

/** A syntax error at a character position of the text. */
export class JsonSyntaxError extends Error {
  /** @example new JsonSyntaxError('unexpected end', 3) */
  constructor(message: string, readonly position: number, readonly key?: string) {
    super(`${message} at character ${position}`);
  }
}

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LONE_SURROGATE = /\p{Cs}/u;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Parses `text` as one JSON value, with only JSON white space around it.
 * @example (parseJson('{"a":[1,2]}') as Map<string, Json>).get('a') // [JsonNumber {text:'1'}, JsonNumber {text:'2'}]
 */
export function parseJson(text: string): Json {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(i >= text.length ? `unexpected end of JSON (${what})` : `${what}, found ${JSON.stringify(text[i])}`, i);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) fail(`expected '${c}'`);
    i++;
  };
  const str = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('unterminated string');
      if (c === '"') break;
      if (c! < ' ') fail('control character in a string');
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
        } else {
          i++;
          fail('bad escape');
        }
      } else {
        out += c;
        i++;
      }
    }
    i++;
    if (LONE_SURROGATE.test(out)) fail('string holds an unpaired surrogate escape');
    return out;
  };
  const value = (depth: number): Json => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const map = new Map<string, Json>();
      ws();
      if (text[i] === '}') {
        i++;
        return map;
      }
      for (;;) {
        ws();
        const at = i;
        const key = str();
        if (map.has(key)) throw new JsonSyntaxError(`duplicate key ${JSON.stringify(key)}`, at, depth === 0 ? key : undefined);
        ws();
        expect(':');
        map.set(key, value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return map;
        } else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return arr;
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return str();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) return fail('expected a JSON value');
    i += m[0].length;
    return new JsonNumber(m[0]);
  };
  const v = value(0);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return v;
}
