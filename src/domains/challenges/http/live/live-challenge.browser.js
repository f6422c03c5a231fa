// The live leaderboard page's script: plain browser JavaScript, no build. It uses the graphql-ws
// client (served from node_modules as /live/assets/graphql-ws.min.js, global `graphqlWs`).
(function () {
  const root = document.getElementById('live');
  const slug = root.dataset.slug;
  const status = document.getElementById('connection');
  const body = document.getElementById('rows');
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const client = graphqlWs.createClient({
    url,
    retryAttempts: Infinity,
    on: {
      connected: () => setStatus('live'),
      closed: () => setStatus('reconnecting…'),
    },
  });

  function setStatus(text) {
    status.textContent = text;
    status.dataset.state = text === 'live' ? 'live' : 'down';
  }

  function query(document, variables) {
    return new Promise((resolve, reject) => {
      let result;
      client.subscribe({ query: document, variables }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
    });
  }

  const km = (metres) => (metres / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  function render(change) {
    const moved = new Map();
    for (const entry of change.positionsGained) moved.set(entry.athleteId, ['gained', `▲${entry.places}`]);
    for (const entry of change.positionsLost) moved.set(entry.athleteId, ['lost', `▼${entry.places}`]);
    for (const entry of change.newPositions) moved.set(entry.athleteId, ['new', 'new']);
    body.replaceChildren(
      ...change.rankings.map((ranking) => {
        const row = document.createElement('tr');
        row.dataset.athleteId = ranking.athleteId;
        const [kind, label] = moved.get(ranking.athleteId) ?? ['', ''];
        if (kind) row.classList.add(kind);
        const cells = [ranking.rank, ranking.athleteName, km(ranking.distanceMetres), ranking.activityCount, `${ranking.progress}%`, label];
        for (const value of cells) {
          const cell = document.createElement('td');
          cell.textContent = String(value);
          row.append(cell);
        }
        const bar = row.children[4];
        bar.className = 'progress';
        bar.style.setProperty('--progress', `${ranking.progress}%`);
        return row;
      }),
    );
  }

  async function start() {
    const { data, errors } = await query(
      'query LiveChallenge($slug: String!) { challenge(slug: $slug) { id name description status goalMetres endDate } }',
      { slug },
    );
    if (errors || !data.challenge) {
      setStatus('not found');
      return;
    }
    const challenge = data.challenge;
    document.getElementById('name').textContent = challenge.name;
    document.getElementById('details').textContent =
      `${challenge.description} · goal ${km(challenge.goalMetres)} km · ${challenge.status.toLowerCase()} · ends ${new Date(challenge.endDate).toLocaleString()}`;
    // From the start of the log: the first delivery is the current ranking, then each new one as it commits.
    client.subscribe(
      {
        query: `subscription LiveLeaderboard($challengeId: ID!) {
          leaderboardChanged(challengeId: $challengeId, category: OVERALL, after: "0") {
            position
            rankings { rank athleteId athleteName distanceMetres activityCount progress }
            newPositions { athleteId }
            positionsGained { athleteId places }
            positionsLost { athleteId places }
          }
        }`,
        variables: { challengeId: challenge.id },
      },
      {
        next: ({ data }) => data && render(data.leaderboardChanged),
        error: () => setStatus('error'),
        complete: () => setStatus('ended'),
      },
    );
  }

  start().catch(() => setStatus('error'));
})();
