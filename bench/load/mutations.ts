import { jsonClient } from '../http-client.js';
import { Samples } from './stats.js';

export type MutationKind = 'deposit' | 'withdraw' | 'transfer' | 'calculate';

/** How often each mutation is picked, in percent. */
const MIX: Array<[MutationKind, number]> = [
  ['deposit', 35],
  ['withdraw', 25],
  ['transfer', 20],
  ['calculate', 20],
];

const ACCOUNT_RESULT = '__typename ... on Account { balance } ... on Error { code message }';
const DOCUMENTS: Record<MutationKind, { query: string; field: string; success: string }> = {
  deposit: {
    query: `mutation LoadDeposit($input: DepositInput!) { deposit(input: $input) { ${ACCOUNT_RESULT} } }`,
    field: 'deposit',
    success: 'Account',
  },
  withdraw: {
    query: `mutation LoadWithdraw($input: WithdrawInput!) { withdraw(input: $input) { ${ACCOUNT_RESULT} } }`,
    field: 'withdraw',
    success: 'Account',
  },
  transfer: {
    query: `mutation LoadTransfer($input: TransferInput!) { transfer(input: $input) { __typename ... on Transfer { id status } } }`,
    field: 'transfer',
    success: 'Transfer',
  },
  calculate: {
    query: `mutation LoadCalculate($input: CalculateInput!) { calculate(input: $input) { __typename ... on Calculator { value } ... on Error { code } } }`,
    field: 'calculate',
    success: 'Calculator',
  },
};

export interface MutationTally {
  completed: number;
  byKind: Record<MutationKind, number>;
  latenciesMs: Samples;
  /** Transport failures, GraphQL errors and unexpected result types, with the first few described. */
  errors: number;
  firstErrors: string[];
}

/**
 * `clients` closed loops of mutations over keep-alive HTTP, picked at random from MIX: small
 * deposits and withdrawals (accounts start rich enough that none is refused), transfers between
 * two different accounts, and ADD/SUBTRACT on the client's own calculator.
 */
export class MutationLoad {
  private readonly http;
  private stopping = false;
  private loops: Array<Promise<void>> = [];
  private tally: MutationTally = emptyTally();

  constructor(
    /** The servers' GraphQL URLs: client loop `c` sends to `urls[c % urls.length]`. */
    private readonly urls: readonly string[],
    private readonly accounts: readonly string[],
    private readonly clients: number,
    token: string,
  ) {
    this.http = jsonClient(clients, { authorization: `Bearer ${token}` });
  }

  /** Sends one mutation and throws unless it succeeded: for setting up accounts. */
  async send(query: string, variables: unknown): Promise<any> {
    const body = await this.http.post(this.urls[0]!, { query, variables });
    if (body.errors) throw new Error(`setup failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  start(): void {
    this.stopping = false;
    this.loops = Array.from({ length: this.clients }, (_, client) => this.loop(client));
  }

  /** Stops the loops (each finishes its request in flight) and returns what they did since the last `stop`. */
  async stop(): Promise<MutationTally> {
    this.stopping = true;
    await Promise.all(this.loops);
    const tally = this.tally;
    this.tally = emptyTally();
    return tally;
  }

  close(): void {
    this.http.close();
  }

  private async loop(client: number): Promise<void> {
    while (!this.stopping) {
      const kind = pick();
      const started = performance.now();
      try {
        const url = this.urls[client % this.urls.length]!;
        const body = await this.http.post(url, { query: DOCUMENTS[kind].query, variables: this.variables(kind, client) });
        const typename = body.data?.[DOCUMENTS[kind].field]?.__typename;
        if (body.errors || typename !== DOCUMENTS[kind].success) this.fail(`${kind}: ${JSON.stringify(body.errors ?? body.data)}`);
        else {
          this.tally.completed += 1;
          this.tally.byKind[kind] += 1;
          this.tally.latenciesMs.push(performance.now() - started);
        }
      } catch (error) {
        this.fail(`${kind}: ${String(error)}`);
      }
    }
  }

  private variables(kind: MutationKind, client: number): unknown {
    const amount = 1 + Math.floor(Math.random() * 100);
    switch (kind) {
      case 'deposit':
      case 'withdraw':
        return { input: { accountNumber: this.randomAccount(), amount } };
      case 'transfer': {
        const from = this.randomAccount();
        let to = this.randomAccount();
        while (to === from) to = this.randomAccount();
        return { input: { from, to, amount } };
      }
      case 'calculate':
        return {
          input: { calculatorId: `load-calculator-${client}`, operation: Math.random() < 0.5 ? 'ADD' : 'SUBTRACT', operand: amount },
        };
    }
  }

  private randomAccount(): string {
    return this.accounts[Math.floor(Math.random() * this.accounts.length)]!;
  }

  private fail(description: string): void {
    this.tally.errors += 1;
    if (this.tally.firstErrors.length < 5) this.tally.firstErrors.push(description);
  }
}

function pick(): MutationKind {
  let roll = Math.random() * 100;
  for (const [kind, weight] of MIX) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return 'deposit';
}

function emptyTally(): MutationTally {
  return {
    completed: 0,
    byKind: { deposit: 0, withdraw: 0, transfer: 0, calculate: 0 },
    latenciesMs: new Samples(),
    errors: 0,
    firstErrors: [],
  };
}
