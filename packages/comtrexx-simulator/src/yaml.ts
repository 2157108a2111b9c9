/** A JSON-like value that {@link toYaml} can write. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

// Words YAML 1.1 parsers read as booleans or null; always quoted.
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/**
 * Writes a value as block-style YAML. A few lines instead of a dependency:
 * the package must not add one for its own OpenAPI document. Strings that are
 * not obviously plain are written double-quoted with JSON escapes, which YAML
 * reads the same way.
 */
export function toYaml(value: { [key: string]: YamlValue }): string {
  return `${mapping(value, 0).slice(1)}\n`;
}

function node(value: YamlValue, indent: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    const pad = '  '.repeat(indent);
    return value
      .map(item => {
        const text = node(item, indent + 1);
        // An item that is a mapping starts on the dash's line.
        return text.startsWith('\n') ? `\n${pad}- ${text.slice(1 + (indent + 1) * 2)}` : `\n${pad}-${text}`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.keys(value).length === 0 ? ' {}' : mapping(value, indent);
  }
  return ` ${scalar(value)}`;
}

function mapping(value: { [key: string]: YamlValue }, indent: number): string {
  const pad = '  '.repeat(indent);
  return Object.entries(value)
    .map(([key, item]) => `\n${pad}${plainOrQuoted(key, /^[A-Za-z_/$][A-Za-z0-9_/.-]*$/)}:${node(item, indent + 1)}`)
    .join('');
}

function scalar(value: string | number | boolean | null): string {
  if (typeof value === 'string') {
    // Three-part versions (3.0.3) are never numbers in YAML, so they may stay plain.
    return /^\d+\.\d+\.\d+$/.test(value) ? value : plainOrQuoted(value, /^[A-Za-z][A-Za-z0-9 _.,()/-]*$/);
  }
  return String(value);
}

function plainOrQuoted(text: string, plain: RegExp): string {
  return plain.test(text) && !RESERVED.test(text) && !text.endsWith(' ') ? text : JSON.stringify(text);
}
