import type { RecordedEvent } from '../recorded-event.js';
import type { Upcaster } from './upcaster.js';

/**
 * Every upcaster the app runs, by event type. An event type's current schema version is one above
 * its last upcaster's (1 without any): appends write it, and reads bring every older event up to it
 * one version at a time, so a chain v1 → v2 → v3 composes and each step is written once.
 */
export class EventUpcasters {
  /** Per type, its upcasters in order: the one from version v at index v - 1. */
  private readonly chains = new Map<string, Upcaster[]>();

  constructor(upcasters: readonly Upcaster[] = []) {
    const byType = new Map<string, Upcaster[]>();
    for (const upcaster of upcasters) byType.set(upcaster.type, [...(byType.get(upcaster.type) ?? []), upcaster]);
    for (const [type, chain] of byType) {
      const sorted = chain.sort((a, b) => a.from - b.from);
      sorted.forEach((upcaster, index) => {
        if (upcaster.from !== index + 1) {
          throw new Error(
            `The upcasters of ${type} must start at version 1 and go up one at a time; found ${sorted.map((u) => u.from).join(', ')}`,
          );
        }
      });
      this.chains.set(type, sorted);
    }
  }

  /** The schema version an event of this type is appended at. */
  currentVersion(type: string): number {
    return (this.chains.get(type)?.length ?? 0) + 1;
  }

  /**
   * The event with its data brought from the schema version it was stored at to the current one.
   * An event already current comes back as it is, and so does one newer than this code knows (an
   * instance not yet upgraded, reading what an upgraded one wrote): there is nothing to upcast it with.
   */
  upcast(event: RecordedEvent, storedVersion: number): RecordedEvent {
    // A reader that did not select the column must fail, not run every upcaster on current data.
    if (!Number.isSafeInteger(storedVersion) || storedVersion < 1) {
      throw new Error(`Event ${event.eventId} was read without a valid schema version (${storedVersion})`);
    }
    const chain = this.chains.get(event.type);
    if (!chain || storedVersion > chain.length) return event;
    const { data, ...context } = event;
    let upcast = data;
    for (const upcaster of chain.slice(storedVersion - 1)) upcast = upcaster.upcast(upcast, context);
    return { ...event, data: upcast };
  }
}
