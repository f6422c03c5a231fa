import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import { ERASED, type PersonalDataDeclarations, type PersonalFields } from './personal-data-declaration.js';
import { PersonalDataKeys, type SubjectKey } from './personal-data-keys.js';
import { personalValues, replaceSealed, sealedValues } from './personal-values.js';
import { keyIdOf, open, type SealedValue, seal } from './sealed-value.js';

/** Where a shape to seal comes from: its stream, and the actor appending it. */
export interface SealingContext {
  streamId: string;
  actor: string | undefined;
}

/**
 * Crypto-shredding: encrypts the declared personal fields with their subject's data key when
 * events (and snapshots) are written, and decrypts every sealed value when they are read. A value
 * whose key was erased reads as `ERASED`.
 *
 * Keys for writing are cached: sealing with a key erased meanwhile only makes the value
 * unreadable at once. Keys for reading are never cached, so an erasure committed on any instance
 * counts on the very next read everywhere.
 */
export class PersonalDataVault {
  private readonly keys: PersonalDataKeys;
  private readonly fieldsByType = new Map<string, PersonalFields>();
  private readonly writingKeys = new LRUCache<string, SubjectKey>({ max: 10_000 });
  /** What each value sealed by this process was, while its sealed form is still referenced (`readable`). */
  private readonly sealedHere = new WeakMap<SealedValue, unknown>();

  constructor(db: Kysely<any>) {
    this.keys = new PersonalDataKeys(db);
  }

  /** Adds a slice's declarations (`definePersonalData`). */
  declare(declarations: PersonalDataDeclarations): void {
    for (const [type, fields] of Object.entries(declarations)) {
      this.fieldsByType.set(type, { ...this.fieldsByType.get(type), ...fields });
    }
  }

  /** The declared personal fields of an event type, if it has any. */
  fieldsOf(type: string): PersonalFields | undefined {
    return this.fieldsByType.get(type);
  }

  /** Whether events of this type may hold sealed values. */
  mayHoldSealed(type: string): boolean {
    return this.fieldsByType.has(type);
  }

  /**
   * Copies of `shapes` with the personal values at `fields` sealed (one batch of key look-ups for
   * all); the value of an erased subject becomes `ERASED` instead. Shapes without any come back as they are.
   */
  async seal<T>(shapes: ReadonlyArray<{ value: T; fields: PersonalFields | undefined; context: SealingContext }>): Promise<T[]> {
    const copies = shapes.map(({ value, fields }) => (fields ? structuredClone(value) : value));
    const found = shapes.flatMap(({ fields, context }, index) => (fields ? personalValues(copies[index], fields, context) : []));
    if (found.length === 0) return copies;
    const keys = await this.keysFor([...new Set(found.map((value) => value.subject))]);
    for (const { holder, field, subject } of found) {
      const key = keys.get(subject)!;
      if (key === 'erased') {
        holder[field] = ERASED;
        continue;
      }
      const sealed = seal(holder[field], key.keyId, key.key);
      this.sealedHere.set(sealed, holder[field]);
      holder[field] = sealed;
    }
    return copies;
  }

  /** A shape this process just sealed as a read will answer it: its values opened, an erased subject's `ERASED`. */
  readable<T>(sealed: T): T {
    return replaceSealed(sealed, (value) => (this.sealedHere.has(value) ? this.sealedHere.get(value) : ERASED)) as T;
  }

  /** Copies of `values` with every sealed value opened, or `ERASED` where its key is gone (one key look-up for all). */
  async open<T>(values: readonly T[]): Promise<T[]> {
    const sealed = values.map((value) => sealedValues(value));
    if (sealed.every((found) => found.length === 0)) return [...values];
    const keys = await this.keys.byIds([...new Set(sealed.flat().map(keyIdOf))]);
    return values.map((value, index) => {
      if (sealed[index]!.length === 0) return value;
      return replaceSealed(value, (found) => {
        const key = keys.get(keyIdOf(found));
        return key ? open(found, key) : ERASED;
      }) as T;
    });
  }

  /** Rows of `events` with their sealed values opened (`open`); only types declared personal are looked at. */
  async openRows<Row extends { type: string; data: unknown }>(rows: Row[]): Promise<Row[]> {
    const candidates = rows.flatMap((row, index) => (this.mayHoldSealed(row.type) ? [index] : []));
    if (candidates.length === 0) return rows;
    const opened = await this.open(candidates.map((index) => rows[index]!.data));
    const result = [...rows];
    candidates.forEach((index, n) => {
      result[index] = { ...rows[index]!, data: opened[n] };
    });
    return result;
  }

  /** Deletes the subject's key for good; answers the streams whose events it sealed values of. */
  async erase(subject: string): Promise<string[]> {
    const keyId = await this.keys.erase(subject);
    this.writingKeys.set(subject, 'erased');
    return this.keys.streamsSealedWith(keyId);
  }

  private async keysFor(subjects: readonly string[]): Promise<Map<string, SubjectKey>> {
    const keys = new Map<string, SubjectKey>();
    let missing = subjects.filter((subject) => {
      const cached = this.writingKeys.get(subject);
      if (cached) keys.set(subject, cached);
      return !cached;
    });
    // A subject whose key another writer created during the statement is found by the second.
    for (let attempt = 0; missing.length > 0 && attempt < 3; attempt++) {
      const found = await this.keys.forSubjects(missing);
      for (const [subject, key] of found) {
        keys.set(subject, key);
        this.writingKeys.set(subject, key);
      }
      missing = missing.filter((subject) => !found.has(subject));
    }
    if (missing.length > 0) throw new Error(`No data key could be had for ${missing.join(', ')}`);
    return keys;
  }
}
