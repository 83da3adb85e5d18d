// torch.save for .pt files: the zip layout PyTorch writes (archive/data.pkl, archive/data/<key>
// per storage, archive/version), storages written once each however many tensors view them.
import type { Tensor } from '@torchlet/tensor';
import type { ByteSink } from '../bytes/sink.js';
import { storageBytes } from '../bytes/tensorBytes.js';
import { ZipWriter } from '../zip/writer.js';
import type { StorageId } from './pickler.js';
import { pickleValue } from './pickler.js';
import { storageTypeOf } from './storageTypes.js';

const utf8 = new TextEncoder();

/** Options of savePt. */
export interface SavePtOptions {
  /** Write zip64 fields even when the file is small (tests readers). */
  forceZip64?: boolean;
}

/**
 * Writes `obj` (a state dict, an optimizer state dict, any tree of plain objects, arrays, numbers,
 * strings and tensors) as a `.pt` file that `torch.load(f, weights_only=True)` reads. Each storage's
 * bytes are read from its device and written one at a time.
 * @example await savePt(model.stateDict(), sink, 'model.pt');
 */
export async function savePt(obj: unknown, sink: ByteSink, file = '<bytes>', opts: SavePtOptions = {}): Promise<void> {
  const keys = new Map<object, StorageId & { tensor: Tensor }>();
  const pkl = pickleValue(obj, (t) => {
    let id = keys.get(t.storage);
    if (!id) {
      id = { key: String(keys.size), storageType: storageTypeOf(t.dtype), tensor: t };
      keys.set(t.storage, id);
    }
    return id;
  }, file);
  const zip = new ZipWriter(sink, { forceZip64: opts.forceZip64 });
  await zip.add('archive/data.pkl', pkl);
  await zip.add('archive/byteorder', utf8.encode('little'));
  for (const { key, tensor } of keys.values()) await zip.add(`archive/data/${key}`, await storageBytes(tensor));
  await zip.add('archive/version', utf8.encode('3\n'));
  await zip.finish();
}
