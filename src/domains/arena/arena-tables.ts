export interface ArenasTable {
  arena_id: string;
  /** The week being played. */
  current_week: number;
  /** The version of the arena stream this row reflects. */
  version: number;
}

export interface ArenaScoresTable {
  arena_id: string;
  week: number;
  attacker: string;
  kills: number;
  /** The log position of the kill that reached `kills`: who got there first ranks first. */
  reached_position: number;
}

export interface ArenaTables {
  arenas: ArenasTable;
  arena_scores: ArenaScoresTable;
}
