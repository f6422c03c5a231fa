/** The live leaderboard page: static HTML around one challenge slug; the script fills it in. */
export function liveChallengePage(slug: string): string {
  const attribute = escapeHtml(slug);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live: ${attribute}</title>
<style>
  body { font: 16px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 52rem; padding: 0 1rem; color: #1b1f24; }
  header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
  #details { color: #57606a; margin-top: 0; }
  #connection { font-size: .8rem; padding: .15rem .5rem; border-radius: 1rem; background: #eee; }
  #connection[data-state="live"] { background: #d1f5d3; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: .45rem .5rem; border-bottom: 1px solid #e5e7eb; }
  td:first-child, th:first-child { width: 3rem; font-variant-numeric: tabular-nums; }
  td.progress { background: linear-gradient(90deg, #dbeafe var(--progress), transparent var(--progress)); }
  tr.gained { animation: flash-gained 2s ease-out; } tr.gained td:last-child { color: #1a7f37; }
  tr.lost { animation: flash-lost 2s ease-out; } tr.lost td:last-child { color: #cf222e; }
  tr.new { animation: flash-new 2s ease-out; }
  @keyframes flash-gained { from { background: #aceebb; } }
  @keyframes flash-lost { from { background: #ffcecb; } }
  @keyframes flash-new { from { background: #fff8c5; } }
</style>
</head>
<body>
<main id="live" data-slug="${attribute}">
  <header><h1 id="name">${attribute}</h1><span id="connection">connecting…</span></header>
  <p id="details"></p>
  <table>
    <thead><tr><th>#</th><th>Athlete</th><th>km</th><th>Activities</th><th>Goal</th><th></th></tr></thead>
    <tbody id="rows"></tbody>
  </table>
</main>
<script src="/live/assets/graphql-ws.min.js"></script>
<script src="/live/assets/live-challenge.js"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
