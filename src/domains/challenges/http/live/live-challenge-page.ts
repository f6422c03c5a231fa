/** The live leaderboard page, a race-day screen: static HTML around one challenge slug; the script fills it in. */
export function liveChallengePage(slug: string): string {
  const attribute = escapeHtml(slug);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Live: ${attribute}</title>
<style>
  body { font: 18px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 64rem; padding: 0 1rem; color: #1b1f24; background: #f6f8fa; }
  header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
  h1 { margin: .2rem 0; font-size: 2rem; }
  h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; color: #57606a; text-transform: uppercase; letter-spacing: .05em; }
  #details { color: #57606a; margin: 0 0 1rem; }
  .pill { font-size: .8rem; padding: .2rem .65rem; border-radius: 1rem; background: #eaeef2; white-space: nowrap; }
  #connection[data-state="live"] { background: #1a7f37; color: white; }
  #connection[data-state="down"] { background: #bf8700; color: white; }
  #connection[data-state="gone"] { background: #cf222e; color: white; }
  .card { background: white; border: 1px solid #d0d7de; border-radius: .5rem; padding: 1rem; }
  [role="tablist"] { display: flex; gap: .25rem; margin-bottom: .75rem; }
  [role="tab"] { font: inherit; font-weight: 600; border: 1px solid #d0d7de; background: #f6f8fa; border-radius: .4rem; padding: .35rem 1rem; cursor: pointer; }
  [role="tab"][aria-selected="true"] { background: #0969da; border-color: #0969da; color: white; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #e5e7eb; }
  th { font-size: .8rem; color: #57606a; text-transform: uppercase; }
  td:first-child, th:first-child { width: 2.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
  td.goal { width: 34%; }
  .bar { display: flex; align-items: center; gap: .5rem; }
  .track { flex: 1; height: .9rem; border-radius: .45rem; background: #d8dee4; overflow: hidden; }
  .fill { height: 100%; border-radius: .45rem; background: linear-gradient(90deg, #0969da, #54aeff); transition: width .6s ease-out; }
  .fill.done { background: linear-gradient(90deg, #1a7f37, #4ac26b); }
  .percent { width: 3.5rem; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
  tr.gained { animation: flash-gained 2s ease-out; } tr.gained td:last-child { color: #1a7f37; }
  tr.lost { animation: flash-lost 2s ease-out; } tr.lost td:last-child { color: #cf222e; }
  tr.new { animation: flash-new 2s ease-out; }
  @keyframes flash-gained { from { background: #aceebb; } }
  @keyframes flash-lost { from { background: #ffcecb; } }
  @keyframes flash-new { from { background: #fff8c5; } }
  .empty { color: #57606a; font-style: italic; margin: .75rem .5rem; }
  #activities { list-style: none; margin: 0; padding: 0; }
  #activities li { display: flex; justify-content: space-between; gap: 1rem; padding: .45rem .5rem; border-bottom: 1px solid #e5e7eb; }
  #activities li .when { color: #57606a; white-space: nowrap; }
  #not-found h1 { color: #cf222e; }
  [hidden] { display: none !important; }
</style>
</head>
<body>
<main id="live" data-slug="${attribute}">
  <header><h1 id="name">${attribute}</h1><span id="connection" class="pill">connecting…</span></header>
  <div id="board" hidden>
    <p id="details"></p>
    <section class="card">
      <div role="tablist" aria-label="Category">
        <button role="tab" id="tab-OVERALL" data-category="OVERALL" aria-selected="true">Overall</button>
        <button role="tab" id="tab-MEN" data-category="MEN" aria-selected="false">Men</button>
        <button role="tab" id="tab-WOMEN" data-category="WOMEN" aria-selected="false">Women</button>
      </div>
      <table>
        <thead><tr><th>#</th><th>Athlete</th><th>km</th><th>Activities</th><th>Goal</th><th></th></tr></thead>
        <tbody id="rows"></tbody>
      </table>
      <p id="empty" class="empty" hidden></p>
    </section>
    <h2>Latest activities</h2>
    <section class="card">
      <ol id="activities"></ol>
      <p id="no-activities" class="empty" hidden>No activities yet: they appear here as athletes record them.</p>
    </section>
  </div>
  <section id="not-found" hidden>
    <p>There is no challenge at this address. Check the link: the address ends with the challenge’s slug, like <code>/live/challenges/spring-ride</code>.</p>
  </section>
</main>
<script src="/live/assets/graphql-ws.min.js"></script>
<script type="module" src="/live/assets/live-challenge.js"></script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
