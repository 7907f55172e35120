// Progressive enhancement for upload forms marked data-upload-progress: the file is sent with XMLHttpRequest so the
// page can show how much has been sent, then the server's answer (the same page, with the outcome) replaces this one.
// Without JavaScript the form posts as usual.
for (const form of document.querySelectorAll('form[data-upload-progress]')) {
  form.addEventListener('submit', event => {
    const input = form.querySelector('input[type=file]');
    if (!input || input.files.length === 0) return;
    event.preventDefault();
    const bar = form.querySelector('progress');
    const status = form.querySelector('[data-upload-status]');
    const button = form.querySelector('button[type=submit]');
    const request = new XMLHttpRequest();
    request.open(form.method, form.action || window.location.href);
    request.upload.addEventListener('progress', e => {
      if (!e.lengthComputable) return;
      bar.hidden = false;
      bar.max = e.total;
      bar.value = e.loaded;
      status.textContent = `Sending: ${Math.round(100 * e.loaded / e.total)} %`;
    });
    request.upload.addEventListener('load', () => { status.textContent = 'Sent: checking every row and importing…'; });
    request.addEventListener('load', () => {
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', () => {
      status.textContent = 'The upload failed (the connection was lost). Nothing was imported; try again.';
      button.disabled = false;
    });
    button.disabled = true;
    status.textContent = 'Sending…';
    request.send(new FormData(form));
  });
}
