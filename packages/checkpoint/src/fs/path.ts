// Path helpers that work the same in Node and over OPFS ('/' separated; '\\' accepted too).

/** The directory part of a path ('.' when there is none). @example dirname('ckpt/a.pt') // 'ckpt' */
export function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '.' : i === 0 ? path.slice(0, 1) : path.slice(0, i);
}

/** The last part of a path. @example basename('ckpt/a.pt') // 'a.pt' */
export function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** `dir` and `name` joined with '/'. @example joinPath('ckpt', 'a.pt') // 'ckpt/a.pt' */
export function joinPath(dir: string, name: string): string {
  return dir === '.' ? name : dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

/** The extension, lower case, with its dot ('' when none). @example extension('m.SafeTensors') // '.safetensors' */
export function extension(path: string): string {
  const base = basename(path);
  const i = base.lastIndexOf('.');
  return i <= 0 ? '' : base.slice(i).toLowerCase();
}
