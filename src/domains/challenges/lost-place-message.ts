import type { ChallengeCategory } from './challenge-values.js';
import { ordinal } from './ordinal.js';

export interface LostPlace {
  challengeName: string;
  category: ChallengeCategory;
  places: number;
  rank: number;
  endDate: string;
  /** When the places were lost: the event's time, so a redelivery words it the same. */
  at: Date;
}

/** "You lost 1 place in Tour of May: you are now 9th, 32 hours left". */
export function lostPlaceMessage({ challengeName, category, places, rank, endDate, at }: LostPlace): string {
  const where = category === 'OVERALL' ? challengeName : `${challengeName} (${category.toLowerCase()})`;
  return `You lost ${places} ${places === 1 ? 'place' : 'places'} in ${where}: you are now ${ordinal(rank)}, ${timeLeft(Date.parse(endDate) - at.getTime())}`;
}

function timeLeft(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (ms <= 0) return 'the challenge is over';
  if (hours < 1) return 'less than an hour left';
  return `${hours} ${hours === 1 ? 'hour' : 'hours'} left`;
}
