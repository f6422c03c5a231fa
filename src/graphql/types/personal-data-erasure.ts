import { admin } from '../../auth/admin-role.js';
import { type Erasure, erasePersonalData } from '../../es/index.js';
import { builder } from '../builder.js';
import { positionCursor } from '../position-cursor.js';

/** Erasing a subject's personal data by deleting its key (crypto-shredding): docs/privacy.md. */

const PersonalDataErasureType = builder.objectRef<Erasure>('PersonalDataErasure').implement({
  description: 'A subject whose personal data was erased: every read now answers its personal fields as "[erased]".',
  fields: (t) => ({
    subject: t.exposeID('subject'),
    position: t.string({
      description: 'The position of the PersonalDataErased event; the read models had blanked their copies when the answer came.',
      resolve: (erasure) => positionCursor(erasure.position),
    }),
    streams: t.exposeStringList('streams', { description: 'The streams whose events held personal data of the subject.' }),
  }),
});

builder.mutationField('erasePersonalData', (t) =>
  t.field({
    access: admin,
    type: PersonalDataErasureType,
    description:
      'Deletes the subject’s data key: its personal fields (account holder names, order business-partner emails, ' +
      'athlete names) read as "[erased]" on every path from now on, and the read models blank their copies. ' +
      'A subject is an actor’s subject, or athlete:<athleteId>. The log keeps every event; erasure cannot be undone.',
    args: { subject: t.arg.id({ required: true }) },
    resolve: async (_root, { subject }, ctx) => {
      const erasure = await erasePersonalData(ctx.app, String(subject), {
        actor: ctx.actor?.subject,
        correlationId: ctx.requestId,
      });
      // The answer means the read models hold no copy any more.
      await ctx.app.runtimes.waitFor(erasure.position);
      return erasure;
    },
  }),
);
