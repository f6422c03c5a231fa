// The live leaderboard page's script: plain browser JavaScript (an ES module), no build. It reads the challenge
// over HTTP, then follows it over graphql-ws (served from node_modules as /live/assets/graphql-ws.min.js, global
// `graphqlWs`) through clients/resuming-subscriptions.js, which resumes each subscription after its last position
// when the connection comes back.
import { createResumingClient } from '/live/assets/resuming-subscriptions.js';

const CATEGORIES = ['OVERALL', 'MEN', 'WOMEN'];
const SHOWN_ACTIVITIES = 10;

const root = document.getElementById('live');
const slug = root.dataset.slug;
const status = document.getElementById('connection');
const body = document.getElementById('rows');
const empty = document.getElementById('empty');
const activityList = document.getElementById('activities');
const noActivities = document.getElementById('no-activities');

const RANKING_FIELDS = 'rank athleteId athleteName distanceMetres activityCount progress';
const ACTIVITY_FIELDS = 'id athleteId athleteName activityType distanceMetres startDateLocal position';

/** Each category's latest ranking and the moves to show with it; which one is on screen. */
const boards = Object.fromEntries(CATEGORIES.map((category) => [category, { rankings: [], moved: new Map() }]));
let shown = 'OVERALL';
let challenge;
let activities = [];

const km = (metres) => (metres / 1000).toLocaleString(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const day = (iso) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
const percent = (value) => `${Math.round(value)}%`;

function setStatus(text, state) {
  status.textContent = text;
  status.dataset.state = state;
}

async function query(document, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  const result = await response.json();
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
  return result.data;
}

function cell(text) {
  const element = document.createElement('td');
  element.textContent = String(text);
  return element;
}

function progressCell(progress) {
  const element = document.createElement('td');
  element.className = 'goal';
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(progress));
  const track = document.createElement('div');
  track.className = 'track';
  const fill = document.createElement('div');
  fill.className = progress >= 100 ? 'fill done' : 'fill';
  fill.style.width = `${Math.min(100, progress)}%`;
  track.append(fill);
  const label = document.createElement('span');
  label.className = 'percent';
  label.textContent = percent(progress);
  bar.append(track, label);
  element.append(bar);
  return element;
}

function renderBoard() {
  const { rankings, moved } = boards[shown];
  body.replaceChildren(
    ...rankings.map((ranking) => {
      const row = document.createElement('tr');
      row.dataset.athleteId = ranking.athleteId;
      const [kind, label] = moved.get(ranking.athleteId) ?? ['', ''];
      if (kind) row.classList.add(kind);
      row.append(
        cell(ranking.rank),
        cell(ranking.athleteName),
        cell(km(ranking.distanceMetres)),
        cell(ranking.activityCount),
        progressCell(ranking.progress),
        cell(label),
      );
      return row;
    }),
  );
  empty.hidden = rankings.length > 0;
  empty.textContent =
    shown === 'OVERALL'
      ? 'No one has joined yet: the leaderboard fills in as athletes join and record activities.'
      : `No one competes in ${shown === 'MEN' ? 'men' : 'women'} yet.`;
}

function renderActivities() {
  activityList.replaceChildren(
    ...activities.map((activity) => {
      const item = document.createElement('li');
      item.dataset.activityId = activity.id;
      const what = document.createElement('span');
      what.textContent = `${activity.athleteName ?? activity.athleteId} · ${km(activity.distanceMetres)} km ${activity.activityType.toLowerCase()}`;
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = day(activity.startDateLocal);
      item.append(what, when);
      return item;
    }),
  );
  noActivities.hidden = activities.length > 0;
}

function showTab(category) {
  shown = category;
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.setAttribute('aria-selected', String(tab.dataset.category === category));
  renderBoard();
}

function showNotFound() {
  document.getElementById('name').textContent = 'Challenge not found';
  document.getElementById('board').hidden = true;
  document.getElementById('not-found').hidden = false;
  document.title = 'Challenge not found';
  setStatus('not found', 'gone');
}

function onLeaderboard(category, change) {
  const moved = new Map();
  for (const entry of change.positionsGained) moved.set(entry.athleteId, ['gained', `▲${entry.places}`]);
  for (const entry of change.positionsLost) moved.set(entry.athleteId, ['lost', `▼${entry.places}`]);
  for (const entry of change.newPositions) moved.set(entry.athleteId, ['new', 'new']);
  boards[category] = { rankings: change.rankings, moved };
  if (category === shown) renderBoard();
}

function onActivity(activity) {
  if (activities.some((shownActivity) => shownActivity.id === activity.id)) return;
  activities = [activity, ...activities].slice(0, SHOWN_ACTIVITIES);
  renderActivities();
}

async function start() {
  const data = await query(
    `query LiveChallenge($slug: String!, $first: Int!) {
      challenge(slug: $slug) {
        id name description status goalMetres activityType startDate endDate competitorCount
        overall: leaderboard(category: OVERALL, first: $first) { edges { node { ${RANKING_FIELDS} } } }
        men: leaderboard(category: MEN, first: $first) { edges { node { ${RANKING_FIELDS} } } }
        women: leaderboard(category: WOMEN, first: $first) { edges { node { ${RANKING_FIELDS} } } }
        activityFeed(first: ${SHOWN_ACTIVITIES}) { edges { node { ${ACTIVITY_FIELDS} } } }
      }
    }`,
    // The first places only (the query's cost is limited); the subscriptions bring whole rankings right after.
    { slug, first: 25 },
  );
  if (!data.challenge) return showNotFound();
  challenge = data.challenge;
  document.title = `Live: ${challenge.name}`;
  document.getElementById('name').textContent = challenge.name;
  document.getElementById('details').textContent = [
    challenge.description,
    `goal ${km(challenge.goalMetres)} km`,
    `${day(challenge.startDate)} – ${day(challenge.endDate)}`,
    challenge.status.toLowerCase(),
  ].join(' · ');
  for (const [category, key] of [
    ['OVERALL', 'overall'],
    ['MEN', 'men'],
    ['WOMEN', 'women'],
  ]) {
    boards[category] = { rankings: challenge[key].edges.map((edge) => edge.node), moved: new Map() };
  }
  activities = challenge.activityFeed.edges.map((edge) => edge.node);
  document.getElementById('board').hidden = false;
  for (const tab of document.querySelectorAll('[role="tab"]')) tab.addEventListener('click', () => showTab(tab.dataset.category));
  renderBoard();
  renderActivities();
  follow();
}

function follow() {
  const client = createResumingClient(graphqlWs.createClient, {
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    onStateChange: (state) => {
      if (state === 'connected') setStatus('live', 'live');
      else if (state === 'reconnecting') setStatus('reconnecting…', 'down');
      else if (state === 'failed') setStatus('offline', 'gone');
    },
  });
  const failed = () => setStatus('error', 'gone');
  for (const category of CATEGORIES) {
    // From the start of the log: the first delivery is the current ranking, then each new one as it commits.
    client.subscribe(
      {
        query: `subscription LiveLeaderboard($challengeId: ID!, $category: ChallengeCategory!, $after: String) {
          leaderboardChanged(challengeId: $challengeId, category: $category, after: $after) {
            position
            rankings { ${RANKING_FIELDS} }
            newPositions { athleteId }
            positionsGained { athleteId places }
            positionsLost { athleteId places }
          }
        }`,
        variables: { challengeId: challenge.id, category, after: '0' },
      },
      { next: ({ data }) => data && onLeaderboard(category, data.leaderboardChanged), error: failed, complete: () => {} },
      { resumeOnComplete: true },
    );
  }
  // After the newest activity the feed showed: those recorded since (the projection may lag) come first.
  client.subscribe(
    {
      query: `subscription LiveActivities($challengeId: ID!, $after: String) {
        activityRecorded(challengeId: $challengeId, after: $after) { ${ACTIVITY_FIELDS} }
      }`,
      variables: { challengeId: challenge.id, after: activities[0]?.position ?? '0' },
    },
    { next: ({ data }) => data && onActivity(data.activityRecorded), error: failed, complete: () => {} },
    { resumeOnComplete: true },
  );
}

start().catch(() => setStatus('error', 'gone'));
