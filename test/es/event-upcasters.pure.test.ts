import { describe, expect, it } from 'vitest';
import { EventUpcasters, type RecordedEvent, type UpcastContext, upcaster } from '../../src/es/index.js';

/** A parcel's weight: text at version 1, kilograms at 2, grams with the carrier at 3. */
type V1 = { weight: string };
type V2 = { weightKg: number };
type V3 = { weightGrams: number; carrier: string };

const seen: UpcastContext[] = [];
const v2ToV3 = upcaster<V2, V3>('ParcelShipped', 2, ({ weightKg }, event) => {
  seen.push(event);
  return { weightGrams: Math.round(weightKg * 1000), carrier: 'POST' };
});
const v1ToV2 = upcaster<V1, V2>('ParcelShipped', 1, ({ weight }) => ({ weightKg: Number.parseFloat(weight) }));
// Declared out of order, as slices may: the chain is ordered by version.
const upcasters = new EventUpcasters([v2ToV3, v1ToV2]);

function recorded(type: string, data: unknown): RecordedEvent {
  return {
    position: 7,
    eventId: '00000000-0000-4000-8000-000000000007',
    streamId: 'parcel-1',
    version: 1,
    type,
    data,
    metadata: { correlationId: 'c', causationId: undefined, actor: 'alice' },
    occurredAt: new Date('2026-01-01T00:00:00Z'),
  };
}

describe('EventUpcasters', () => {
  it('names the version appends write: one above the last upcaster, 1 for a type without any', () => {
    expect(upcasters.currentVersion('ParcelShipped')).toBe(3);
    expect(upcasters.currentVersion('ParcelLost')).toBe(1);
    expect(new EventUpcasters().currentVersion('ParcelShipped')).toBe(1);
  });

  it('composes a chain: a version-1 event goes through every step, a version-2 one through the last only', () => {
    expect(upcasters.upcast(recorded('ParcelShipped', { weight: '2.5 kg' }), 1).data).toEqual({ weightGrams: 2500, carrier: 'POST' });
    expect(upcasters.upcast(recorded('ParcelShipped', { weightKg: 0.75 }), 2).data).toEqual({ weightGrams: 750, carrier: 'POST' });
  });

  it('leaves everything but the data as stored, and shows it to the upcaster', () => {
    seen.length = 0;
    const event = recorded('ParcelShipped', { weightKg: 1 });
    const { data, ...rest } = upcasters.upcast(event, 2);
    const { data: _old, ...stored } = event;
    expect(rest).toEqual(stored);
    expect(seen).toEqual([stored]);
    expect(data).toEqual({ weightGrams: 1000, carrier: 'POST' });
  });

  it('returns an event already current, one newer than it knows, and one of a type without upcasters as they are', () => {
    const current = recorded('ParcelShipped', { weightGrams: 10, carrier: 'DHL' });
    expect(upcasters.upcast(current, 3)).toBe(current);
    const newer = recorded('ParcelShipped', { grams: 10, carrier: { name: 'DHL' } });
    expect(upcasters.upcast(newer, 4)).toBe(newer);
    const other = recorded('ParcelLost', { weight: '1 kg' });
    expect(upcasters.upcast(other, 1)).toBe(other);
  });

  it('refuses to read an event without a valid stored version rather than upcast it again', () => {
    for (const version of [undefined, 0, 1.5]) {
      expect(() => upcasters.upcast(recorded('ParcelLost', {}), version as number)).toThrow(/without a valid schema version/);
    }
  });

  it('refuses a chain that does not start at 1 or skips or repeats a version', () => {
    const step = (from: number) => upcaster('ParcelShipped', from, (data) => data);
    expect(() => new EventUpcasters([step(2)])).toThrow(/ParcelShipped must start at version 1 .*found 2$/);
    expect(() => new EventUpcasters([step(1), step(3)])).toThrow(/found 1, 3$/);
    expect(() => new EventUpcasters([step(1), step(1)])).toThrow(/found 1, 1$/);
    expect(() => new EventUpcasters([step(0)])).toThrow(/found 0$/);
  });
});
