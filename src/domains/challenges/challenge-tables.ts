import type { ActivityType, ChallengeCategory, ChallengeStatus } from './challenge-values.js';

export interface ChallengesTable {
  challenge_id: string;
  slug: string;
  name: string;
  description: string;
  start_date: Date;
  end_date: Date;
  goal_metres: number;
  activity_type: ActivityType;
  status: ChallengeStatus;
  competitor_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ChallengeCompetitorsTable {
  challenge_id: string;
  athlete_id: string;
  athlete_name: string;
  category: Exclude<ChallengeCategory, 'OVERALL'> | null;
  joined_position: number;
  joined_at: Date;
}

/** The athlete read model: the name and category an athlete last joined a challenge with. */
export interface ChallengeAthletesTable {
  athlete_id: string;
  name: string;
  category: Exclude<ChallengeCategory, 'OVERALL'> | null;
  updated_at: Date;
}

export interface ChallengeActivitiesTable {
  challenge_id: string;
  activity_id: string;
  athlete_id: string;
  activity_type: ActivityType;
  start_date_local: Date;
  distance_metres: number;
  moving_time_seconds: number;
  elevation_metres: number;
  /** Where it was recorded in the log: the activity feed's order and cursor. */
  position: number;
  recorded_at: Date;
}

export interface ChallengeLeaderboardEntriesTable {
  challenge_id: string;
  category: ChallengeCategory;
  rank: number;
  athlete_id: string;
  athlete_name: string;
  distance_metres: number;
  moving_time_seconds: number;
  elevation_metres: number;
  activity_count: number;
  progress: number;
  position: number;
}

export interface ChallengeNotificationsTable {
  notification_id: string;
  athlete_id: string;
  challenge_id: string;
  category: ChallengeCategory;
  message: string;
  rank: number;
  places_lost: number;
  position: number;
  created_at: Date;
  read_at: Date | null;
}

export interface ChallengeTables {
  challenges: ChallengesTable;
  challenge_competitors: ChallengeCompetitorsTable;
  challenge_athletes: ChallengeAthletesTable;
  challenge_activities: ChallengeActivitiesTable;
  challenge_leaderboard_entries: ChallengeLeaderboardEntriesTable;
  challenge_notifications: ChallengeNotificationsTable;
}
