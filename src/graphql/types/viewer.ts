import { authenticated } from '../../es/index.js';
import { builder } from '../builder.js';

/** The signed-in actor, as `me` answers it. Slices add what it owns, each from its own graphql folder. */
export interface Viewer {
  subject: string;
  roles: readonly string[];
}

export const ViewerType = builder.objectRef<Viewer>('Viewer').implement({
  description:
    'The signed-in user: who the token says they are, and what they own (each slice adds its own list, read by `subject`, never by an argument).',
  access: authenticated,
  fields: (t) => ({
    subject: t.exposeString('subject', { description: 'The token’s subject: the actor recorded on what they do.' }),
    roles: t.exposeStringList('roles'),
  }),
});

builder.queryField('me', (t) =>
  t.field({
    access: authenticated,
    type: ViewerType,
    description: 'The signed-in user and what they own; UNAUTHENTICATED without a token.',
    resolve: (_root, _args, { actor }) => ({ subject: actor!.subject, roles: actor!.roles }),
  }),
);
