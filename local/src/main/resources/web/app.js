// Sends the chosen or dropped image to POST /classify and shows the top-5 labels as bars.
'use strict';

const dropZone = document.getElementById('drop-zone');
const fileInput = document.getElementById('file');
const preview = document.getElementById('preview');
const statusLine = document.getElementById('status');
const resultSection = document.getElementById('result');
const errorSection = document.getElementById('error');

fileInput.addEventListener('change', () => {
  if (fileInput.files.length > 0) {
    classify(fileInput.files[0]);
  }
});

dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('dragging');
});

dropZone.addEventListener('dragleave', () => dropZone.classList.remove('dragging'));

dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('dragging');
  const files = event.dataTransfer ? event.dataTransfer.files : [];
  if (files.length > 0) {
    classify(files[0]);
  }
});

async function classify(file) {
  showPreview(file);
  resultSection.hidden = true;
  errorSection.hidden = true;
  statusLine.textContent = `Classifying ${file.name} (${file.size} bytes)...`;
  try {
    const response = await fetch('classify', {
      method: 'POST',
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
    });
    const body = await response.json();
    statusLine.textContent = '';
    if (response.ok) {
      showResult(body);
    } else {
      showError(body, response.status);
    }
  } catch (failure) {
    statusLine.textContent = `The request failed: ${failure.message}`;
  }
}

function showPreview(file) {
  if (preview.src) {
    URL.revokeObjectURL(preview.src);
  }
  preview.src = URL.createObjectURL(file);
  preview.alt = file.name;
  preview.hidden = false;
}

function showResult(result) {
  document.getElementById('label').textContent = result.label;
  document.getElementById('confidence').textContent = percent(result.confidence);
  document.getElementById('model-name').textContent = result.model.name;
  document.getElementById('model-version').textContent = result.model.version;
  const image = result.image;
  document.getElementById('image-info').textContent =
    `${image.format} ${image.width}x${image.height}`;
  document.getElementById('timing').textContent = `${result.timingsMs.total} ms`;
  const bars = document.getElementById('bars');
  bars.replaceChildren(...result.topK.map(bar));
  resultSection.hidden = false;
}

function bar(score) {
  const item = document.createElement('li');
  item.className = 'bar';
  const name = document.createElement('span');
  name.className = 'bar-label';
  name.textContent = score.label;
  const track = document.createElement('span');
  track.className = 'bar-track';
  track.setAttribute('role', 'meter');
  track.setAttribute('aria-label', score.label);
  track.setAttribute('aria-valuemin', '0');
  track.setAttribute('aria-valuemax', '1');
  track.setAttribute('aria-valuenow', String(score.probability));
  const fill = document.createElement('span');
  fill.className = 'bar-fill';
  fill.style.display = 'block';
  fill.style.width = `${(score.probability * 100).toFixed(2)}%`;
  track.append(fill);
  const value = document.createElement('span');
  value.className = 'bar-value';
  value.textContent = percent(score.probability);
  item.append(name, track, value);
  return item;
}

function showError(error, status) {
  document.getElementById('error-code').textContent = `${status} ${error.code || ''}`.trim();
  document.getElementById('error-message').textContent = error.message || 'No message';
  document.getElementById('error-request-id').textContent = error.requestId || '-';
  errorSection.hidden = false;
}

function percent(probability) {
  return `${(probability * 100).toFixed(1)}%`;
}
