// Lints the CloudFormation templates of the repository with the npm package cfn-lint and prints
// the findings as one JSON document on stdout: {"files": [{"file", "parameters", "crit", "warn"}]}.
// It reads only local files and opens no network connection.
//
// Usage: node lint-templates.cjs REPOSITORY_ROOT
// Lints template.yaml three times: with the default parameters (IAM authorization, Direct
// delivery, the bundled model), with ApiAuthorization=JWT, and with DeliveryMode=Queue and a model
// in S3. Lints every infra/*.yaml once with its defaults.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || '.');
const cfnLint = requireInstalled(path.join(root, 'node_modules', 'cfn-lint', 'lib', 'api.js'));

/** Loads a module of node_modules, or exits with the command that installs it. */
function requireInstalled(modulePath) {
  try {
    return require(modulePath);
  } catch (failure) {
    process.stderr.write(
      `Cannot load ${modulePath}: ${failure.message}\nRun \`npm ci\` in the repository root.\n`,
    );
    process.exit(1);
  }
}

const JWT_PARAMETERS = {
  ApiAuthorization: 'JWT',
  JwtIssuer: 'https://issuer.example.com',
  JwtAudience: ['image-classifier-client'],
};

/** Returns the findings of one template with the given parameter values. */
function lint(file, parameters) {
  const result = cfnLint.validateFile(path.join(root, file), { parameters });
  const findings = (level) =>
    result.errors[level].map((error) => ({ resource: error.resource, message: error.message }));
  return { file, parameters, crit: findings('crit'), warn: findings('warn') };
}

function infraTemplates() {
  const folder = path.join(root, 'infra');
  if (!fs.existsSync(folder)) {
    return [];
  }
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => path.join('infra', name));
}

const QUEUE_PARAMETERS = {
  DeliveryMode: 'Queue',
  ModelBucket: 'image-classifier-models',
  ModelName: 'fashion-mnist-cnn',
  ModelVersion: '20261204T1643Z',
  ConfidenceThreshold: '0.6',
  AlarmTopicArn: 'arn:aws:sns:us-east-1:123456789012:image-classifier-alarms',
};

const files = [
  lint('template.yaml', {}),
  lint('template.yaml', JWT_PARAMETERS),
  lint('template.yaml', QUEUE_PARAMETERS),
];
for (const file of infraTemplates()) {
  files.push(lint(file, {}));
}
process.stdout.write(JSON.stringify({ files }, null, 2) + '\n');
