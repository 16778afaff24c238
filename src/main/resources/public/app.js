// facegate web page: plain JavaScript, no external resources. The API key lives in sessionStorage
// (this tab only) and travels as the X-API-Key header; images with crops are fetched the same way.
'use strict';

const KEY_STORAGE = 'facegate.apiKey';
const PAGE_SIZE = 20;
const state = { session: null, enrollPhoto: null, peopleOffset: 0, stream: null };
const $ = (id) => document.getElementById(id);

function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

/** Calls the API; resolves to the parsed JSON (or null for 204), rejects with {code, message}. */
async function api(method, path, body) {
  const response = await fetch(path, { method, body, headers: { 'X-API-Key': apiKey() || '' } });
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.blob();
  if (!response.ok) {
    throw data && data.code ? data : { code: 'http_' + response.status, message: response.statusText };
  }
  return data;
}

function describe(error) {
  return error && error.code ? `${error.message} (${error.code})` : String(error);
}

function show(element, visible) {
  element.hidden = !visible;
}

// ---- login -------------------------------------------------------------------------------------

async function login(key) {
  sessionStorage.setItem(KEY_STORAGE, key);
  try {
    state.session = await api('GET', '/v1/session');
  } catch (error) {
    sessionStorage.removeItem(KEY_STORAGE);
    $('login-error').textContent = 'Login failed: ' + describe(error);
    return;
  }
  $('login-error').textContent = '';
  const s = state.session;
  $('session-who').textContent = `${s.who} (${s.role})`;
  $('settings').textContent =
    `Model ${s.model}, verify threshold ${s.threshold.toFixed(4)}. ` +
    (s.storeCrops
      ? 'Enrollment crops are stored (facegate.gallery.store-crops=true).'
      : 'Enrollment crops are not stored (facegate.gallery.store-crops=false): only templates are kept, so no crops are shown.');
  const admin = s.role === 'admin';
  document.querySelectorAll('.admin-only').forEach((element) => show(element, admin));
  show($('login'), false);
  show($('app'), true);
  show($('nav'), true);
  show($('session'), true);
  if (admin) {
    await loadPeople();
  }
}

function logout() {
  sessionStorage.removeItem(KEY_STORAGE);
  stopWebcam();
  state.session = null;
  show($('app'), false);
  show($('nav'), false);
  show($('session'), false);
  show($('login'), true);
  $('api-key').value = '';
}

// ---- crops -------------------------------------------------------------------------------------

/** An <img> of a person's stored crop, or a note when crops are not stored. */
function cropCell(id) {
  const cell = document.createElement('td');
  if (!state.session.storeCrops) {
    cell.textContent = 'not stored';
    cell.className = 'note';
    return cell;
  }
  const img = document.createElement('img');
  img.className = 'crop';
  img.alt = 'crop of ' + id;
  img.dataset.id = id;
  cell.appendChild(img);
  api('GET', '/v1/crops/' + encodeURIComponent(id))
    .then((blob) => { img.src = URL.createObjectURL(blob); })
    .catch((error) => { cell.textContent = error.code === 'crop_not_stored' ? 'no crop' : describe(error); });
  return cell;
}

// ---- enroll ------------------------------------------------------------------------------------

async function previewEnrollPhoto(blob) {
  state.enrollPhoto = null;
  $('enroll-confirm').disabled = true;
  show($('enroll-chip'), false);
  $('enroll-result').textContent = '';
  $('enroll-status').textContent = 'Looking for faces…';
  const form = new FormData();
  form.append('photo', blob, 'photo');
  let preview;
  try {
    preview = await api('POST', '/v1/faces/detect', form);
  } catch (error) {
    $('enroll-status').textContent = 'Cannot use this photo: ' + describe(error);
    return;
  }
  await drawBoxes(blob, preview);
  if (preview.faces.length === 0) {
    $('enroll-status').textContent = 'No face found: choose another photo.';
    return;
  }
  $('enroll-chip').src = 'data:image/png;base64,' + preview.chipPng;
  show($('enroll-chip'), true);
  $('enroll-status').textContent =
    `${preview.faces.length} face(s) found; the largest (green box) will be enrolled with this crop.`;
  state.enrollPhoto = blob;
  $('enroll-confirm').disabled = false;
}

/** Draws the photo with every face box; the largest (the one enrolled) in green. */
async function drawBoxes(blob, preview) {
  const bitmap = await createImageBitmap(blob);
  const canvas = $('enroll-canvas');
  const scale = Math.min(1, 480 / bitmap.width);
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext('2d');
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  const sx = canvas.width / preview.width;
  const sy = canvas.height / preview.height;
  preview.faces.forEach((face, index) => {
    context.lineWidth = 3;
    context.strokeStyle = index === 0 ? '#2b8a3e' : '#f59f00';
    context.strokeRect(face.x * sx, face.y * sy, face.width * sx, face.height * sy);
  });
  canvas.dataset.faces = String(preview.faces.length);
}

async function confirmEnrollment(event) {
  event.preventDefault();
  if (!state.enrollPhoto) {
    return;
  }
  const form = new FormData();
  form.append('photo', state.enrollPhoto, 'photo');
  form.append('id', $('enroll-id').value.trim());
  form.append('name', $('enroll-name').value.trim());
  $('enroll-confirm').disabled = true;
  try {
    const person = await api('POST', '/v1/people', form);
    $('enroll-result').textContent = `Enrolled ${person.id}${person.name ? ' (' + person.name + ')' : ''}.`;
    $('enroll-id').value = '';
    $('enroll-name').value = '';
    state.enrollPhoto = null;
    await loadPeople();
  } catch (error) {
    $('enroll-result').textContent = 'Not enrolled: ' + describe(error);
    $('enroll-confirm').disabled = false;
  }
}

async function startWebcam() {
  try {
    state.stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  } catch (error) {
    $('enroll-status').textContent = 'No webcam: ' + error.message;
    return;
  }
  $('webcam').srcObject = state.stream;
  show($('webcam'), true);
  $('webcam-snap').disabled = false;
  $('webcam-check').disabled = false;
  $('webcam-stop').disabled = false;
  $('webcam-start').disabled = true;
}

function stopWebcam() {
  if (state.stream) {
    state.stream.getTracks().forEach((track) => track.stop());
    state.stream = null;
  }
  show($('webcam'), false);
  $('webcam-snap').disabled = true;
  $('webcam-check').disabled = true;
  $('webcam-stop').disabled = true;
  $('webcam-start').disabled = false;
}

/** The webcam's current frame as a JPEG blob. */
function webcamFrame() {
  const video = $('webcam');
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
}

async function snapshot() {
  previewEnrollPhoto(await webcamFrame());
}

/** Identifies the webcam's frame with liveness=true: shows the liveness score and decision. */
async function webcamCheck() {
  const result = $('webcam-liveness');
  const form = new FormData();
  form.append('photo', await webcamFrame(), 'webcam.jpg');
  form.append('liveness', 'true');
  form.append('k', '1');
  result.textContent = 'Checking liveness…';
  try {
    const answer = await api('POST', '/v1/identify', form);
    const live = answer.liveness;
    const best = answer.candidates[0];
    result.textContent =
      `${live.live ? 'live' : 'not live'} — liveness score ${live.score.toFixed(4)}` +
      ` (threshold ${live.threshold.toFixed(4)}); ` +
      (answer.unknown || !best ? 'unknown person' : `identified as ${best.id}`);
    result.className = 'result ' + (live.live ? 'match' : 'no-match');
  } catch (error) {
    result.textContent = 'Refused: ' + describe(error);
    result.className = 'result no-match';
  }
}

// ---- people ------------------------------------------------------------------------------------

async function loadPeople() {
  let page;
  try {
    page = await api('GET', `/v1/people?offset=${state.peopleOffset}&limit=${PAGE_SIZE}`);
  } catch (error) {
    $('people-status').textContent = 'Cannot list people: ' + describe(error);
    return;
  }
  const body = $('people-table').querySelector('tbody');
  body.replaceChildren();
  for (const person of page.people) {
    const row = document.createElement('tr');
    row.dataset.id = person.id;
    row.appendChild(cropCell(person.id));
    for (const text of [person.id, person.name, person.enrolledAt]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.appendChild(cell);
    }
    const actions = document.createElement('td');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'danger delete-person';
    remove.textContent = 'Delete';
    remove.addEventListener('click', () => deletePerson(person.id, remove));
    actions.appendChild(remove);
    row.appendChild(actions);
    body.appendChild(row);
  }
  const last = Math.min(page.total, page.offset + page.people.length);
  $('people-count').textContent =
    page.total === 0 ? 'Nobody is enrolled.' : `${page.offset + 1}–${last} of ${page.total}`;
  $('people-previous').disabled = page.offset === 0;
  $('people-next').disabled = last >= page.total;
  $('people-status').textContent = '';
}

/** First click asks, second click deletes. */
async function deletePerson(id, button) {
  if (button.dataset.armed !== 'true') {
    button.dataset.armed = 'true';
    button.textContent = 'Really delete?';
    return;
  }
  let message;
  try {
    await api('DELETE', '/v1/people/' + encodeURIComponent(id));
    message = `Deleted ${id}.`;
  } catch (error) {
    message = `Cannot delete ${id}: ` + describe(error);
  }
  await loadPeople();
  $('people-status').textContent = message;
}

// ---- verify and identify -----------------------------------------------------------------------

function previewFile(input, img) {
  const file = input.files[0];
  if (file) {
    img.src = URL.createObjectURL(file);
    show(img, true);
  }
}

function meter(score, threshold) {
  const clamp = (value) => Math.max(0, Math.min(1, value)) * 100;
  const bar = document.createElement('div');
  bar.className = 'meter';
  bar.innerHTML = '<div class="fill"></div><div class="threshold" title="threshold"></div>';
  bar.querySelector('.fill').style.width = clamp(score) + '%';
  bar.querySelector('.threshold').style.left = clamp(threshold) + '%';
  return bar;
}

async function verify() {
  const result = $('verify-result');
  const first = $('verify-a').files[0];
  const second = $('verify-b').files[0];
  if (!first || !second) {
    result.textContent = 'Choose two photos.';
    return;
  }
  const form = new FormData();
  form.append('photo', first);
  form.append('other', second);
  result.textContent = 'Comparing…';
  try {
    const answer = await api('POST', '/v1/verify', form);
    result.replaceChildren();
    const verdict = document.createElement('span');
    verdict.id = 'verify-verdict';
    verdict.className = answer.match ? 'match' : 'no-match';
    verdict.textContent = answer.match ? 'Match' : 'No match';
    const numbers = document.createElement('span');
    numbers.id = 'verify-numbers';
    numbers.textContent =
      ` — score ${answer.score.toFixed(4)} ${answer.match ? '≥' : '<'} threshold ${answer.threshold.toFixed(4)}`;
    result.append(verdict, numbers, meter(answer.score, answer.threshold));
  } catch (error) {
    result.textContent = 'Cannot verify: ' + describe(error);
  }
}

async function identify() {
  const result = $('identify-result');
  const table = $('identify-table');
  const file = $('identify-file').files[0];
  show(table, false);
  if (!file) {
    result.textContent = 'Choose a photo.';
    return;
  }
  const form = new FormData();
  form.append('photo', file);
  form.append('k', $('identify-k').value || '5');
  result.textContent = 'Searching…';
  let answer;
  try {
    answer = await api('POST', '/v1/identify', form);
  } catch (error) {
    result.textContent = 'Cannot identify: ' + describe(error);
    return;
  }
  const best = answer.candidates[0];
  result.replaceChildren();
  const verdict = document.createElement('span');
  verdict.id = 'identify-verdict';
  verdict.className = answer.unknown ? 'no-match' : 'match';
  verdict.textContent = answer.unknown
    ? 'Unknown: nobody reaches the threshold'
    : `Known: ${best.id}${best.name ? ' (' + best.name + ')' : ''}`;
  const threshold = document.createElement('span');
  threshold.textContent = ` — threshold ${answer.threshold.toFixed(4)}`;
  result.append(verdict, threshold);
  if (!state.session.storeCrops) {
    const note = document.createElement('p');
    note.id = 'crops-off-note';
    note.className = 'note';
    note.textContent = 'Enrollment crops are not stored on this server, so none are shown.';
    result.appendChild(note);
  }
  const body = table.querySelector('tbody');
  body.replaceChildren();
  answer.candidates.forEach((candidate, index) => {
    const row = document.createElement('tr');
    row.dataset.id = candidate.id;
    const rank = document.createElement('td');
    rank.textContent = String(index + 1);
    row.appendChild(rank);
    row.appendChild(cropCell(candidate.id));
    for (const text of [candidate.id, candidate.name, candidate.score.toFixed(4)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.appendChild(cell);
    }
    if (candidate.score >= answer.threshold) {
      row.classList.add('match');
    }
    body.appendChild(row);
  });
  show(table, answer.candidates.length > 0);
}

// ---- wiring ------------------------------------------------------------------------------------

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  login($('api-key').value.trim());
});
$('logout-button').addEventListener('click', logout);
$('enroll-file').addEventListener('change', () => {
  const file = $('enroll-file').files[0];
  if (file) {
    previewEnrollPhoto(file);
  }
});
$('webcam-start').addEventListener('click', startWebcam);
$('webcam-stop').addEventListener('click', stopWebcam);
$('webcam-snap').addEventListener('click', snapshot);
$('webcam-check').addEventListener('click', webcamCheck);
$('enroll-form').addEventListener('submit', confirmEnrollment);
$('people-refresh').addEventListener('click', loadPeople);
$('people-previous').addEventListener('click', () => {
  state.peopleOffset = Math.max(0, state.peopleOffset - PAGE_SIZE);
  loadPeople();
});
$('people-next').addEventListener('click', () => {
  state.peopleOffset += PAGE_SIZE;
  loadPeople();
});
$('verify-a').addEventListener('change', () => previewFile($('verify-a'), $('verify-a-preview')));
$('verify-b').addEventListener('change', () => previewFile($('verify-b'), $('verify-b-preview')));
$('verify-run').addEventListener('click', verify);
$('identify-file').addEventListener('change', () => previewFile($('identify-file'), $('identify-preview')));
$('identify-run').addEventListener('click', identify);

if (apiKey()) {
  login(apiKey());
}
