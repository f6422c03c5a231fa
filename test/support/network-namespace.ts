import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Every namespace these tests make is named `chronicle-net-<pid of the test process>-<n>[-router]`. */
const PREFIX = 'chronicle-net-';
/** The tests' addresses: 10.231.<n>.0/29, one <n> per namespace. */
const NETWORK = '10.231';

/** Why network namespaces cannot be made here, or undefined when they can. */
export function networkNamespacesUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
  } catch {
    return '`ip netns` (iproute2) is not available';
  }
  return undefined;
}

/**
 * A process's own network, reached from this machine through a router that can be made to drop
 * everything silently: the network side of a partition test. The host side holds `hostAddress`
 * (where a server may listen); a process started with `exec` runs in the namespace at `address`.
 */
export interface NetworkNamespace {
  /** The namespace processes run in. */
  readonly name: string;
  /** This machine's end of the network, in the host namespace. */
  readonly hostAddress: string;
  /** The namespace's own address. */
  readonly address: string;
  /** Both ends' addresses (for pg_hba.conf, say). */
  readonly subnet: string;
  /** The command prefix that runs a program inside the namespace. */
  readonly exec: readonly string[];
  /** Drops every packet between the namespace and the host from now on, silently in both directions. */
  cut(): Promise<void>;
  /** Forwards packets again; TCP connections that are still alive carry on. */
  heal(): Promise<void>;
  /** Deletes the namespaces and their links (processes still inside keep it alive: stop them first). */
  destroy(): Promise<void>;
}

/**
 * Makes `host ⇄ router ⇄ instance`: two veth pairs and a router namespace between them. A
 * partition turns forwarding off in the router, so packets leave each sender normally and vanish
 * on the way, as they do when a real network fails: no error and no reset reaches either end, and
 * open TCP connections just hang. (Dropping at a sender's own interface instead, with a zero-length
 * queue, tells that sender's kernel the packet was dropped locally, and it then never gives up on
 * the connection, so it is no partition at all. The kernel here has no netem.)
 */
export async function createNetworkNamespace(): Promise<NetworkNamespace> {
  await removeStaleNetworkNamespaces();
  for (let attempt = 0; attempt < 20; attempt++) {
    const n = await unusedSubnet();
    const created = await tryCreate(n);
    if (created) return created;
  }
  throw new Error('could not find a free 10.231.x.0/29 subnet for a network namespace');
}

/** Deletes the namespaces (and their links and processes) that a test run which is no longer alive left behind. */
export async function removeStaleNetworkNamespaces(): Promise<void> {
  for (const name of await namespaces()) {
    const pid = Number(/^chronicle-net-(\d+)-/.exec(name)?.[1]);
    if (!pid || alive(pid)) continue;
    await killInside(name);
    await ip('netns', 'del', name).catch(() => {});
  }
}

async function tryCreate(n: number): Promise<NetworkNamespace | undefined> {
  const name = `${PREFIX}${process.pid}-${n}`;
  const router = `${name}-router`;
  const [hostSide, routerToHost, routerToInstance, instanceSide] = ['h', 'r', 'i', 'a'].map((end) => `chn${n}${end}`) as [
    string,
    string,
    string,
    string,
  ];
  const [hostAddress, routerHostAddress, routerInstanceAddress, address] = [1, 2, 5, 6].map((host) => `${NETWORK}.${n}.${host}`) as [
    string,
    string,
    string,
    string,
  ];
  const inRouter = (...args: string[]) => ip('-n', router, ...args);
  const inInstance = (...args: string[]) => ip('-n', name, ...args);
  const destroy = async () => {
    await killInside(name);
    await Promise.all([ip('netns', 'del', name).catch(() => {}), ip('netns', 'del', router).catch(() => {})]);
    // Deleting the router's namespace deletes its veth ends and with them their peers; this is for a half-made setup.
    await ip('link', 'del', hostSide).catch(() => {});
  };
  await ip('netns', 'add', router);
  await ip('netns', 'add', name);
  try {
    // The host's link doubles as the claim on the subnet: a second run picking the same n fails here.
    await ip('link', 'add', hostSide, 'type', 'veth', 'peer', 'name', routerToHost, 'netns', router);
  } catch {
    await destroy();
    return undefined;
  }
  try {
    await inRouter('link', 'add', routerToInstance, 'type', 'veth', 'peer', 'name', instanceSide, 'netns', name);
    await ip('addr', 'add', `${hostAddress}/30`, 'dev', hostSide);
    await ip('link', 'set', hostSide, 'up');
    await inRouter('addr', 'add', `${routerHostAddress}/30`, 'dev', routerToHost);
    await inRouter('addr', 'add', `${routerInstanceAddress}/30`, 'dev', routerToInstance);
    for (const link of ['lo', routerToHost, routerToInstance]) await inRouter('link', 'set', link, 'up');
    await inInstance('addr', 'add', `${address}/30`, 'dev', instanceSide);
    for (const link of ['lo', instanceSide]) await inInstance('link', 'set', link, 'up');
    await inInstance('route', 'add', 'default', 'via', routerInstanceAddress);
    await ip('route', 'add', `${NETWORK}.${n}.4/30`, 'via', routerHostAddress);
    await setForwarding(router, true);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    name,
    hostAddress,
    address,
    subnet: `${NETWORK}.${n}.0/29`,
    exec: ['ip', 'netns', 'exec', name],
    cut: () => setForwarding(router, false),
    heal: () => setForwarding(router, true),
    destroy,
  };
}

/** With forwarding off, the router drops what it would forward without a word (no ICMP), both ways. */
async function setForwarding(router: string, on: boolean): Promise<void> {
  await run('ip', ['netns', 'exec', router, 'sysctl', '-q', '-w', `net.ipv4.ip_forward=${on ? 1 : 0}`]);
}

/** A third octet no address, route or namespace of this machine uses yet. */
async function unusedSubnet(): Promise<number> {
  const [{ stdout: addresses }, { stdout: routes }] = await Promise.all([run('ip', ['-o', 'addr']), run('ip', ['route'])]);
  const used = new Set<number>();
  for (const match of `${addresses}\n${routes}`.matchAll(/\b10\.231\.(\d+)\./g)) used.add(Number(match[1]));
  for (const name of await namespaces()) used.add(Number(/-(\d+)(?:-router)?$/.exec(name)?.[1]));
  const free = Array.from({ length: 250 }, (_, index) => index + 1).filter((n) => !used.has(n));
  if (free.length === 0) throw new Error('every 10.231.x.0/29 subnet is in use');
  return free[Math.floor(Math.random() * free.length)]!;
}

async function namespaces(): Promise<string[]> {
  const { stdout } = await run('ip', ['netns', 'list']);
  return stdout
    .split('\n')
    .map((line) => line.split(' ')[0]!)
    .filter((name) => name.startsWith(PREFIX));
}

/** Kills what still runs in a namespace of ours: only processes a test of ours started there. */
async function killInside(name: string): Promise<void> {
  const { stdout } = await run('ip', ['netns', 'pids', name]).catch(() => ({ stdout: '' }));
  for (const pid of stdout.split('\n').map(Number).filter(Boolean)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function ip(...args: string[]): Promise<void> {
  await run('ip', args);
}
