// Bind groups and their layouts. Every kernel binds its parameter block
// (binding 0: a window of the runtime's one arena buffer, at a dynamic offset),
// its output (1), its inputs (2, …) and, when it checks indices on the device,
// the fault word. A training loop runs the same ops on the same pooled buffers
// step after step, so a bind group made once serves every later dispatch with
// those buffers: only the dynamic offset changes.

/** A bind group layout for some number of inputs, and its pipeline layout. */
export interface Layout {
  readonly key: string;
  readonly group: GPUBindGroupLayout;
  readonly pipeline: GPUPipelineLayout;
}

/** Bind groups kept before the cache starts over (those of destroyed buffers are never hit again). */
const MAX_GROUPS = 4096;

/**
 * The layouts of one device and the bind groups made with them.
 *
 * @example const groups = new BindGroups(device, 1024); const l = groups.layout(2, false); groups.group(l, arena, [out, a, b]);
 */
export class BindGroups {
  private readonly layouts = new Map<string, Layout>();
  private readonly groups = new Map<string, GPUBindGroup>();
  private readonly ids = new WeakMap<GPUBuffer, number>();
  private nextId = 0;

  constructor(
    private readonly device: GPUDevice,
    /** Bytes of the parameter-block window bound at binding 0. */
    private readonly metaBytes: number,
  ) {}

  /** The layout of a kernel with `inputs` read-only inputs, plus the fault word when `checked`. */
  layout(inputs: number, checked: boolean): Layout {
    const key = `${inputs}${checked ? 'c' : ''}`;
    let l = this.layouts.get(key);
    if (!l) {
      const stage = 0x4; /* GPUShaderStage.COMPUTE */
      const entries: GPUBindGroupLayoutEntry[] = [
        { binding: 0, visibility: stage, buffer: { type: 'read-only-storage', hasDynamicOffset: true } },
        { binding: 1, visibility: stage, buffer: { type: 'storage' } },
      ];
      for (let i = 0; i < inputs; i++) entries.push({ binding: i + 2, visibility: stage, buffer: { type: 'read-only-storage' } });
      if (checked) entries.push({ binding: inputs + 2, visibility: stage, buffer: { type: 'storage' } });
      const group = this.device.createBindGroupLayout({ entries });
      l = { key, group, pipeline: this.device.createPipelineLayout({ bindGroupLayouts: [group] }) };
      this.layouts.set(key, l);
    }
    return l;
  }

  /** The bind group of `layout` over `arena` (binding 0) and `buffers` (bindings 1, 2, …), made on first use. */
  group(layout: Layout, arena: GPUBuffer, buffers: readonly GPUBuffer[]): GPUBindGroup {
    let key = `${layout.key}:${this.id(arena)}`;
    for (const b of buffers) key += `:${this.id(b)}`;
    let g = this.groups.get(key);
    if (!g) {
      if (this.groups.size >= MAX_GROUPS) this.groups.clear();
      const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: arena, offset: 0, size: this.metaBytes } }];
      buffers.forEach((buffer, i) => entries.push({ binding: i + 1, resource: { buffer } }));
      g = this.device.createBindGroup({ layout: layout.group, entries });
      this.groups.set(key, g);
    }
    return g;
  }

  private id(b: GPUBuffer): number {
    let id = this.ids.get(b);
    if (id === undefined) this.ids.set(b, (id = this.nextId++));
    return id;
  }
}
