// Drives the page of the local server in headless Chromium (Debian's /usr/bin/chromium through
// playwright-core): chooses an image with the file input, drops a second one on the drop zone,
// and chooses a text file. Prints what the page shows as one JSON document on stdout and exits
// with status 1 when a step fails. The browser reaches only the local server.
//
// Usage: node page-test.cjs BASE_URL IMAGE DROPPED_IMAGE TEXT_FILE OUTPUT_FOLDER
// OUTPUT_FOLDER receives the browser profile (new and empty) and page.png, a screenshot.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = requireInstalled('playwright-core');

/** Loads a module of node_modules, or exits with the command that installs it. */
function requireInstalled(name) {
  try {
    return require(name);
  } catch (failure) {
    process.stderr.write(
      `Cannot load ${name}: ${failure.message}\nRun \`npm ci\` in the repository root.\n`,
    );
    process.exit(1);
  }
}

const [baseUrl, imagePath, droppedPath, textPath, outputFolder] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 30000;
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Returns the label, confidence, bars and model version that the page shows. */
async function readResult(page) {
  await page.locator('#result').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const bars = await page.locator('#bars .bar').evaluateAll((items) =>
    items.map((item) => ({
      label: item.querySelector('.bar-label').textContent,
      value: item.querySelector('.bar-value').textContent,
      width: parseFloat(item.querySelector('.bar-fill').style.width),
    })),
  );
  return {
    label: await page.locator('#label').textContent(),
    confidence: await page.locator('#confidence').textContent(),
    modelName: await page.locator('#model-name').textContent(),
    modelVersion: await page.locator('#model-version').textContent(),
    imageInfo: await page.locator('#image-info').textContent(),
    bars,
  };
}

/** Drops a file on the drop zone with a DataTransfer, as a drag from the desktop would. */
async function dropFile(page, file, type) {
  const bytes = fs.readFileSync(file).toString('base64');
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, mimeType }) => {
      const binary = atob(base64);
      const content = Uint8Array.from(binary, (character) => character.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type: mimeType }));
      return transfer;
    },
    { base64: bytes, name: path.basename(file), mimeType: type },
  );
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
}

async function run() {
  const profile = fs.mkdtempSync(path.join(outputFolder, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
  try {
    const page = await context.newPage();
    const external = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl) && !request.url().startsWith('blob:')) {
        external.push(request.url());
      }
    });
    await page.goto(baseUrl, { timeout: STEP_TIMEOUT_MS });
    const title = await page.title();

    await page.setInputFiles('#file', imagePath);
    const chosen = await readResult(page);
    await page.screenshot({ path: path.join(outputFolder, 'page.png'), fullPage: true });

    await page.evaluate(() => {
      document.getElementById('result').hidden = true;
    });
    await dropFile(page, droppedPath, 'image/png');
    const dropped = await readResult(page);

    await page.setInputFiles('#file', textPath);
    await page.locator('#error').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    const error = {
      code: await page.locator('#error-code').textContent(),
      message: await page.locator('#error-message').textContent(),
      requestId: await page.locator('#error-request-id').textContent(),
      resultHidden: await page.locator('#result').isHidden(),
    };
    return { title, chosen, dropped, error, external };
  } finally {
    await context.close();
  }
}

run().then(
  (summary) => process.stdout.write(JSON.stringify(summary, null, 2) + '\n'),
  (failure) => {
    process.stderr.write(`Page test failed: ${failure.stack || failure}\n`);
    process.exit(1);
  },
);
