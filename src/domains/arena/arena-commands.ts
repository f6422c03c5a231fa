export type ArenaCommand = { type: 'RecordKill'; arenaId: string; attacker: string } | { type: 'CompleteWeek'; arenaId: string };
