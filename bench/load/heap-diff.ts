import { readFileSync } from 'node:fs';

/**
 * `npx tsx bench/load/heap-diff.ts before.heapsnapshot after.heapsnapshot [kind ...]` compares two
 * V8 heap snapshots (say, the two `LOAD_HEAP_SNAPSHOTS` of a load run): object counts and shallow
 * sizes by kind (`object:Promise`, `closure:`, `(array)`...), biggest growth first. For each
 * `kind` given, it prints what holds a few of its instances in the second snapshot, skipping over
 * chains of objects of one kind (a promise's list of reactions, a linked list). Big snapshots need
 * `NODE_OPTIONS=--max-old-space-size=8000`.
 */

interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

class HeapSnapshot {
  readonly count: number;
  private readonly raw: RawSnapshot;
  private readonly nodeWidth: number;
  private readonly edgeWidth: number;
  private readonly field: Record<'type' | 'name' | 'selfSize' | 'edgeCount' | 'id' | 'edgeType' | 'edgeName' | 'edgeTo', number>;
  private readonly firstEdge: Uint32Array;

  constructor(path: string) {
    this.raw = JSON.parse(readFileSync(path, 'utf8')) as RawSnapshot;
    const { node_fields: nodeFields, edge_fields: edgeFields } = this.raw.snapshot.meta;
    this.nodeWidth = nodeFields.length;
    this.edgeWidth = edgeFields.length;
    this.field = {
      type: nodeFields.indexOf('type'),
      name: nodeFields.indexOf('name'),
      selfSize: nodeFields.indexOf('self_size'),
      edgeCount: nodeFields.indexOf('edge_count'),
      id: nodeFields.indexOf('id'),
      edgeType: edgeFields.indexOf('type'),
      edgeName: edgeFields.indexOf('name_or_index'),
      edgeTo: edgeFields.indexOf('to_node'),
    };
    this.count = this.raw.nodes.length / this.nodeWidth;
    this.firstEdge = new Uint32Array(this.count + 1);
    for (let node = 0, edge = 0; node < this.count; node++) {
      this.firstEdge[node] = edge;
      edge += this.nodeValue(node, 'edgeCount') * this.edgeWidth;
      this.firstEdge[node + 1] = edge;
    }
  }

  /** `object:Promise`, `closure:name`, or `(array)`, `(string)`... for kinds without a useful name. */
  kind(node: number): string {
    const type = this.nodeType(node);
    if (['object', 'closure', 'native', 'hidden'].includes(type)) return `${type}:${this.name(node).slice(0, 80)}`;
    return `(${type})`;
  }

  selfSize(node: number): number {
    return this.nodeValue(node, 'selfSize');
  }

  label(node: number): string {
    return `${this.nodeType(node)}:${this.name(node).slice(0, 60)}@${this.nodeValue(node, 'id')}`;
  }

  /** Up to `perNode` strong retainers of every node: [retainer, edge]. */
  retainers(perNode = 4): Map<number, Array<[number, number]>> {
    const retainers = new Map<number, Array<[number, number]>>();
    const edgeTypes = this.raw.snapshot.meta.edge_types[0];
    for (let node = 0; node < this.count; node++) {
      for (let edge = this.firstEdge[node]!; edge < this.firstEdge[node + 1]!; edge += this.edgeWidth) {
        if (edgeTypes[this.raw.edges[edge + this.field.edgeType]!] === 'weak') continue;
        const target = this.raw.edges[edge + this.field.edgeTo]! / this.nodeWidth;
        let list = retainers.get(target);
        if (!list) retainers.set(target, (list = []));
        if (list.length < perNode) list.push([node, edge]);
      }
    }
    return retainers;
  }

  edgeLabel(edge: number): string {
    const type = this.raw.snapshot.meta.edge_types[0][this.raw.edges[edge + this.field.edgeType]!];
    const name = this.raw.edges[edge + this.field.edgeName]!;
    return type === 'element' || type === 'hidden' ? `[${name}]` : `.${this.raw.strings[name]}`;
  }

  private nodeType(node: number): string {
    return this.raw.snapshot.meta.node_types[0][this.nodeValue(node, 'type')]!;
  }

  private name(node: number): string {
    return this.raw.strings[this.nodeValue(node, 'name')]!;
  }

  private nodeValue(node: number, field: keyof HeapSnapshot['field']): number {
    return this.raw.nodes[node * this.nodeWidth + this.field[field]]!;
  }
}

function byKind(snapshot: HeapSnapshot): Map<string, { count: number; size: number }> {
  const kinds = new Map<string, { count: number; size: number }>();
  for (let node = 0; node < snapshot.count; node++) {
    const kind = snapshot.kind(node);
    const entry = kinds.get(kind) ?? { count: 0, size: 0 };
    entry.count += 1;
    entry.size += snapshot.selfSize(node);
    kinds.set(kind, entry);
  }
  return kinds;
}

function printRetainers(snapshot: HeapSnapshot, kind: string, samples = 3): void {
  const retainers = snapshot.retainers();
  const instances: number[] = [];
  for (let node = 0; node < snapshot.count; node++) if (snapshot.kind(node) === kind) instances.push(node);
  for (let sample = 0; sample < Math.min(samples, instances.length); sample++) {
    let node = instances[Math.floor(((sample + 0.5) * instances.length) / samples)]!;
    console.log(`\nheld: ${snapshot.label(node)}`);
    const seen = new Set([node]);
    for (let shown = 0; shown < 30; ) {
      const holders = (retainers.get(node) ?? []).filter(([holder]) => !seen.has(holder));
      if (holders.length === 0) break;
      const [holder, edge] = holders[0]!;
      seen.add(holder);
      const sameKind = snapshot.kind(holder) === snapshot.kind(node);
      node = holder;
      if (sameKind) continue;
      console.log(
        `  ${' '.repeat(Math.min(shown++, 12) * 2)}<- ${snapshot.edgeLabel(edge)} of ${snapshot.label(holder)}${holders.length > 1 ? ` (+${holders.length - 1})` : ''}`,
      );
    }
  }
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(2);
}

const [beforePath, afterPath, ...traced] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: tsx bench/load/heap-diff.ts before.heapsnapshot after.heapsnapshot [kind ...]');
  process.exit(2);
}
const before = byKind(new HeapSnapshot(beforePath));
const afterSnapshot = new HeapSnapshot(afterPath);
const after = byKind(afterSnapshot);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((kind) => {
  const was = before.get(kind) ?? { count: 0, size: 0 };
  const is = after.get(kind) ?? { count: 0, size: 0 };
  return { kind, count: is.count - was.count, size: is.size - was.size, before: was.count, after: is.count };
});
rows.sort((a, b) => b.size - a.size);
const total = rows.reduce((sum, row) => sum + row.size, 0);
console.log(`shallow size ${total >= 0 ? '+' : ''}${mib(total)} MiB in total\n`);
console.log(`${'kind'.padEnd(60)} ${'count +/-'.padStart(10)} ${'MiB +/-'.padStart(8)} ${'before'.padStart(9)} ${'after'.padStart(9)}`);
for (const row of rows.slice(0, 30)) {
  console.log(
    `${row.kind.slice(0, 60).padEnd(60)} ${String(row.count).padStart(10)} ${mib(row.size).padStart(8)} ${String(row.before).padStart(9)} ${String(row.after).padStart(9)}`,
  );
}
for (const kind of traced) printRetainers(afterSnapshot, kind);
