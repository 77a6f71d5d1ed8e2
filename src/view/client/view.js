// Boot code of the page of `sitrep view`: reads the record's JSON block and draws it.
{
  const block = document.getElementById('sitrep-article');
  const data = JSON.parse(block ? block.textContent : 'null');
  const app = document.getElementById('app');
  app.replaceChildren();
  if (data) renderArticle(app, data, { heading: 'h1' });
  document.body.setAttribute('data-ready', '1');
}
