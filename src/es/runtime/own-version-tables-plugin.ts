import {
  type AggregateFunctionNode,
  type FunctionNode,
  IdentifierNode,
  type KyselyPlugin,
  type OperationNode,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type ReferenceNode,
  type RootOperationNode,
  type SchemableIdentifierNode,
  type SelectModifierNode,
  TableNode,
  type UnknownRow,
} from 'kysely';
import type { ProjectionReadSchemas } from './projection-read-schemas.js';

/**
 * Points this instance's queries at its own code version's projection tables: a table that
 * `ProjectionReadSchemas` reads elsewhere than `public` is qualified with that schema wherever a
 * query names it as a table (from, join, into, update, using). Queries that name no such table, and
 * every query while all tables are read in `public`, pass untouched. Raw `sql` text is not parsed:
 * a read written as raw SQL naming a projection table reads `public` (the slices' reads have none).
 */
export class OwnVersionTablesPlugin implements KyselyPlugin {
  constructor(private readonly schemas: ProjectionReadSchemas) {}

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    if (this.schemas.allLive) return node;
    return new OwnVersionTablesTransformer(this.schemas).transformNode(node, queryId);
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

class OwnVersionTablesTransformer extends OperationNodeTransformer {
  /** Names of the common table expressions in scope, which shadow tables of the same name. */
  private readonly ctes: string[] = [];

  constructor(private readonly schemas: ProjectionReadSchemas) {
    super();
  }

  protected override transformNodeImpl<T extends OperationNode>(node: T, queryId?: QueryId): T {
    const names = cteNames(node);
    this.ctes.push(...names);
    try {
      return super.transformNodeImpl(node, queryId);
    } finally {
      this.ctes.splice(this.ctes.length - names.length, names.length);
    }
  }

  protected override transformSchemableIdentifier(node: SchemableIdentifierNode, queryId?: QueryId): SchemableIdentifierNode {
    const transformed = super.transformSchemableIdentifier(node, queryId);
    const name = node.identifier.name;
    const schema = transformed.schema || this.ctes.includes(name) ? undefined : this.schemas.schemaOf(name);
    return schema ? { ...transformed, schema: IdentifierNode.create(schema) } : transformed;
  }

  // `bank_accounts.balance` names the table as the query's from item calls it: left as written.
  protected override transformReference(node: ReferenceNode, queryId?: QueryId): ReferenceNode {
    const transformed = super.transformReference(node, queryId);
    return node.table ? { ...transformed, table: node.table } : transformed;
  }

  // A row as a value (`to_json(orders)`) names the from item too.
  protected override transformFunction(node: FunctionNode, queryId?: QueryId): FunctionNode {
    const transformed = super.transformFunction(node, queryId);
    return { ...transformed, arguments: keepTables(node.arguments, transformed.arguments) };
  }

  protected override transformAggregateFunction(node: AggregateFunctionNode, queryId?: QueryId): AggregateFunctionNode {
    const transformed = super.transformAggregateFunction(node, queryId);
    return { ...transformed, aggregated: keepTables(node.aggregated, transformed.aggregated) };
  }

  // `for update of orders` too.
  protected override transformSelectModifier(node: SelectModifierNode, queryId?: QueryId): SelectModifierNode {
    const transformed = super.transformSelectModifier(node, queryId);
    return node.of && transformed.of ? { ...transformed, of: keepTables(node.of, transformed.of) } : transformed;
  }
}

function keepTables(original: readonly OperationNode[], transformed: readonly OperationNode[]): readonly OperationNode[] {
  return transformed.map((item, index) => (TableNode.is(original[index]!) ? original[index]! : item));
}

function cteNames(node: OperationNode): string[] {
  const expressions = (node as { with?: { expressions?: readonly { name: { table: TableNode } }[] } }).with?.expressions;
  return expressions?.map((expression) => expression.name.table.table.identifier.name) ?? [];
}
