// Tests that run the server as a child process (start-up, configuration, signals) use the compiled build.
const { execSync } = require('node:child_process');

module.exports = async () => {
  execSync('npx tsc -p tsconfig.build.json', { cwd: `${__dirname}/../..`, stdio: 'inherit' });
};
