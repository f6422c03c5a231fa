import type { Migration } from 'kysely';
import * as eventStore from './0001-event-store.js';
import * as commandRefusals from './0004-command-refusals.js';
import * as scheduledCommands from './0007-scheduled-commands.js';
import * as commandRefusalDetails from './0009-command-refusal-details.js';
import * as checkpointFence from './0010-checkpoint-fence.js';
import * as eventSchemaVersion from './0013-event-schema-version.js';
import * as projectionVersions from './0014-projection-versions.js';
import * as personalDataKeys from './0015-personal-data-keys.js';
import * as forgetPlaintextSnapshots from './0016-forget-plaintext-snapshots.js';
import * as snapshotHistory from './0017-snapshot-history.js';
import * as eventsByActor from './0022-events-by-actor.js';

/**
 * The engine's own tables: the event store, command refusals, the checkpoint fence and scheduled
 * commands. The slices bring theirs (`DomainModule.migrations`); the app runs both (app/domain-module.ts).
 */
export const engineMigrations: Readonly<Record<string, Migration>> = {
  '0001-event-store': eventStore,
  '0004-command-refusals': commandRefusals,
  '0007-scheduled-commands': scheduledCommands,
  '0009-command-refusal-details': commandRefusalDetails,
  '0010-checkpoint-fence': checkpointFence,
  '0013-event-schema-version': eventSchemaVersion,
  '0014-projection-versions': projectionVersions,
  '0015-personal-data-keys': personalDataKeys,
  '0016-forget-plaintext-snapshots': forgetPlaintextSnapshots,
  '0017-snapshot-history': snapshotHistory,
  '0022-events-by-actor': eventsByActor,
};
